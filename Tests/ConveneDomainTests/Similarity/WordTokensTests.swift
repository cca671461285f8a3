import ConveneDomain
import Foundation
import Testing

/// The words and lines the similarity engine sees must be the ones scikit-learn sees. Every expected value here was
/// printed by Python 3.11: `re.findall(r'(?u)\b\w\w+\b', text.lower())` and `text.splitlines()`.
@Suite("Similarity: words and lines as Python finds them")
struct WordTokensTests {
    @Test(arguments: [
        ("Hello, world! a b_c 12 x", ["hello", "world", "b_c", "12"]),
        ("don't stop-me now", ["don", "stop", "me", "now"]),
        // A combining accent is a mark, and marks are not \w in Python: it ends the word.
        ("cafe\u{301} déjà", ["cafe", "déjà"]),
        // Devanagari vowel signs are marks too.
        ("नमस्ते दुनिया", ["नमस"]),
        // Final sigma, as str.lower() decides it; "." is case-ignorable, so the first Σ of ΣΑΣ.ΣΑΣ is not final.
        ("ΟΔΟΣ ΣΑΣ Σ", ["οδος", "σας"]),
        ("ΣΑΣ.ΣΑΣ", ["σασ", "σας"]),
        ("ΑΣ1 ΑΣ_Β", ["ας1", "ας_β"]),
        // İ lower-cases to i and a combining dot above (a mark).
        ("İstanbul", ["stanbul"]),
        // Anything with a numeric value is \w; a zero-width joiner is not.
        ("x_y 12 ½½ ⅷⅷ 一二 ab\u{200D}cd", ["x_y", "12", "½½", "ⅷⅷ", "一二", "ab", "cd"]),
        ("x² 10³ e=mc²", ["x²", "10³", "mc²"]),
        ("Straße ǅa ﬃx", ["straße", "ǆa", "ﬃx"]),
        ("Москва — столица", ["москва", "столица"]),
        ("مرحبا بالعالم ١٢٣", ["مرحبا", "بالعالم", "١٢٣"]),
        ("東京都 서울 서울시", ["東京都", "서울", "서울시"]),
        ("😀😀 ok👍ok", ["ok", "ok"]),
        ("", []),
        ("a I . , x", [])
    ])
    func wordsAreWhatPythonFinds(text: String, expected: [String]) {
        let words = WordTokens.words(in: text)
        // Compare code point by code point: Swift's == would let canonically equivalent spellings pass.
        #expect(words.map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
    }

    @Test func wordCharactersAreLettersNumbersAndTheUnderscoreButNotMarks() {
        for character: Unicode.Scalar in ["a", "Z", "5", "_", "é", "ß", "ж", "東", "½", "Ⅷ", "٣", "ʰ"] {
            #expect(WordTokens.isWordCharacter(character), "\(character)")
        }
        for character: Unicode.Scalar in [" ", "-", "'", ".", "\u{301}", "\u{94D}", "\u{200D}", "😀", "€"] {
            #expect(!WordTokens.isWordCharacter(character), "\(character)")
        }
    }

    @Test func lowerCasingIsPythons() {
        #expect(WordTokens.pythonLowercased("ΟΔΟΣ Σ ΑΣ.") == "οδος σ ας.")
        #expect(Array(WordTokens.pythonLowercased("İ").unicodeScalars) == ["i", "\u{307}"])
        #expect(WordTokens.pythonLowercased("ǅ Straße") == "ǆ straße")
    }

    @Test func precomposedAndDecomposedSpellingsAreDifferentTerms() {
        // Setup: "é" as one code point and as e + U+0301 (a mark, which splits the second word).
        let vectors = TFIDF(["caf\u{E9}", "cafe\u{301}"])

        // Check: two terms, no similarity, as in scikit-learn.
        #expect(vectors.vocabularySize == 2)
        #expect(vectors.number(ofTerm: "caf\u{E9}") != nil && vectors.number(ofTerm: "cafe") != nil)
        #expect(vectors.cosine(0, 1) == 0)
        #expect(vectors.pairs(above: 0).isEmpty)
    }

    @Test func linesAreSplitAsPythonSplitsThem() {
        // "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l".splitlines() gives 12 lines, a to l.
        let text = "a\nb\r\nc\rd\u{0B}e\u{0C}f\u{1C}g\u{1D}h\u{1E}i\u{85}j\u{2028}k\u{2029}l"
        #expect(TextLines.split(text) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"])
        #expect(TextLines.split("") == [])
        #expect(TextLines.split("\n") == [""])
        #expect(TextLines.split("a\n") == ["a"])
        #expect(TextLines.split("a\n\n") == ["a", ""])
        #expect(TextLines.split("a\r\n\r\nb") == ["a", "", "b"])
        #expect(TextLines.split("x\t y\u{A0}z") == ["x\t y\u{A0}z"])
    }

    @Test func vectorisingLinesIsVectorisingTheSplitText() {
        // Setup
        let text = "The cat\r\nthe DOG\n\ncat ÉTÉ été\u{2028}last line"

        // Act
        let fromLines = TFIDF(lines: text)
        let fromList = TFIDF(TextLines.split(text))

        // Check
        #expect(fromLines.count == 5 && fromList.count == 5)
        #expect(fromLines.idf == fromList.idf)
        for text in 0..<5 {
            #expect(fromLines.vector(text).map(\.term) == fromList.vector(text).map(\.term))
            #expect(fromLines.vector(text).map(\.weight) == fromList.vector(text).map(\.weight))
        }
    }
}
