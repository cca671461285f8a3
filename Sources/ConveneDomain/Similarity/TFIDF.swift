import Foundation

/// TF-IDF vectors of a list of texts, weighted exactly as scikit-learn's `TfidfVectorizer()` with its defaults
/// weights them, so that a cosine here is the cosine there:
///
/// - the words of a text are `WordTokens.words(in:)` (lower-cased, `(?u)\b\w\w+\b`);
/// - a word's weight in a text is its raw count times its smooth idf, `ln((1 + n) / (1 + df)) + 1`, where `n` is
///   the number of texts (empty ones included) and `df` the number of texts that contain the word;
/// - each text's vector is then divided by its Euclidean length, so the cosine of two texts is the dot product of
///   their vectors. A text with no words has the zero vector and is similar to nothing.
///
/// Build it once for the whole list (the idf depends on every text), then ask for pairs
/// (`pairs(atLeast:)`, `pairs(above:)`, in `AllPairs.swift`). Texts are numbered by their place in the list.
///
/// Terms (distinct words) are numbered from the one in most texts to the one in fewest, ties in code point order:
/// the order the pair search relies on.
public struct TFIDF: Sendable {
    /// How many texts.
    public let count: Int
    /// Per term: how many texts contain it.
    public let documentFrequency: [Int]
    /// Per term: its smooth inverse document frequency, `ln((1 + n) / (1 + df)) + 1`.
    public let idf: [Double]

    let words: WordTable
    let termOfWord: [Int32]
    let wordOfTerm: [Int32]
    /// The vectors, row by row (compressed sparse rows): text `i` has terms `rowTerms[rowStart[i] ..< rowStart[i + 1]]`
    /// in increasing term order (most common first) with `rowWeights` alongside.
    let rowStart: [Int]
    let rowTerms: [Int32]
    let rowWeights: [Double]
    /// Per term: its largest weight in any text (a bound the search uses).
    let maxWeight: [Double]

    /// The vectors of `texts`, numbered by their place in the list.
    public init(_ texts: [String]) {
        self.init(bytes: texts.reduce(0) { $0 + $1.utf8.count + 1 }) { each in
            for var text in texts { text.withUTF8 { each($0) } }
        }
    }

    /// The vectors of the lines of `text`, split as Python's `str.splitlines()` splits them (`TextLines`) and
    /// numbered from 0, without making a string of each line.
    public init(lines text: String) {
        var text = text
        self = text.withUTF8 { utf8 in TFIDF(bytes: utf8.count + 1) { TextLines.forEach(in: utf8, $0) } }
    }

    /// `texts` calls its argument with each text's UTF-8 in turn; `bytes` bounds their total length plus one each.
    private init(bytes: Int, texts: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        // Count each text's words, numbered as first seen. A text of b bytes has at most (b + 1) / 3 words (two
        // characters and a separator each), so the arrays are reserved once and never copied as they grow.
        let most = bytes / 3 + 1
        var words = WordTable()
        var scratch: [UInt8] = []
        var lastText: [Int32] = []  // per word: the last text it was in
        var lastSlot: [Int32] = []  // per word: where its count for that text is
        var rowStart = [0]
        var rowTerms: [Int32] = []  // words, until they are renumbered as terms
        var rowWeights: [Double] = []  // counts, until they are weighed
        rowTerms.reserveCapacity(most)
        rowWeights.reserveCapacity(most)
        texts { text in
            let number = Int32(rowStart.count - 1)
            WordTokens.forEachWord(inUTF8: text, scratch: &scratch) { bytes in
                let word = Int(words.intern(bytes))
                if word == lastText.count {
                    lastText.append(-1)
                    lastSlot.append(0)
                }
                if lastText[word] == number {
                    rowWeights[Int(lastSlot[word])] += 1
                } else {
                    lastText[word] = number
                    lastSlot[word] = Int32(rowTerms.count)
                    rowTerms.append(Int32(word))
                    rowWeights.append(1)
                }
            }
            rowStart.append(rowTerms.count)
        }

        var frequency = [Int](repeating: 0, count: words.count)
        for word in rowTerms { frequency[Int(word)] += 1 }

        // Number the terms by decreasing document frequency, ties by code points (UTF-8 bytes sort the same way).
        let order = (0..<words.count).sorted { a, b in
            frequency[a] != frequency[b]
                ? frequency[a] > frequency[b]
                : words.bytes(of: a).lexicographicallyPrecedes(words.bytes(of: b))
        }
        var termOfWord = [Int32](repeating: 0, count: words.count)
        for (term, word) in order.enumerated() { termOfWord[word] = Int32(term) }
        let documentFrequency = order.map { frequency[$0] }
        let count = rowStart.count - 1
        let n = Double(count)
        // As scikit-learn computes it: np.log(n_samples / df) + 1 after adding one to both.
        let idf = documentFrequency.map { Foundation.log((n + 1) / Double($0 + 1)) + 1 }

        // Weigh, sort each row by term (rows are short: insertion sort) and divide by its length (summing squares,
        // then one square root, then a division per weight, as sklearn.preprocessing.normalize does).
        var maxWeight = [Double](repeating: 0, count: words.count)
        rowTerms.withUnsafeMutableBufferPointer { rowTerms in
            rowWeights.withUnsafeMutableBufferPointer { rowWeights in
                for text in 0..<count {
                    let start = rowStart[text]
                    let end = rowStart[text + 1]
                    for k in start..<end {
                        let term = termOfWord[Int(rowTerms[k])]
                        let weight = rowWeights[k] * idf[Int(term)]
                        var slot = k
                        while slot > start && rowTerms[slot - 1] > term {
                            rowTerms[slot] = rowTerms[slot - 1]
                            rowWeights[slot] = rowWeights[slot - 1]
                            slot -= 1
                        }
                        rowTerms[slot] = term
                        rowWeights[slot] = weight
                    }
                    var squares = 0.0
                    for k in start..<end { squares += rowWeights[k] * rowWeights[k] }
                    let length = squares.squareRoot()
                    for k in start..<end {
                        rowWeights[k] /= length
                        maxWeight[Int(rowTerms[k])] = max(maxWeight[Int(rowTerms[k])], rowWeights[k])
                    }
                }
            }
        }

        self.count = count
        self.documentFrequency = documentFrequency
        self.idf = idf
        self.words = words
        self.termOfWord = termOfWord
        self.wordOfTerm = order.map { Int32($0) }
        self.rowStart = rowStart
        self.rowTerms = rowTerms
        self.rowWeights = rowWeights
        self.maxWeight = maxWeight
    }

    /// How many distinct terms the texts have.
    public var vocabularySize: Int { idf.count }

    /// The term with this number.
    public func term(_ number: Int) -> String {
        String(decoding: words.bytes(of: Int(wordOfTerm[number])), as: UTF8.self)
    }

    /// The number of a term (a lower-case word, compared code point by code point), if any text has it.
    public func number(ofTerm term: String) -> Int? {
        var term = term
        return term.withUTF8 { words.find($0) }.map { Int(termOfWord[$0]) }
    }

    /// Text `index`'s vector: its terms' numbers, increasing, with their weights (unit length, or empty).
    public func vector(_ index: Int) -> [(term: Int, weight: Double)] {
        (rowStart[index]..<rowStart[index + 1]).map { (Int(rowTerms[$0]), rowWeights[$0]) }
    }

    /// The cosine similarity of two texts (0 when either has no words).
    public func cosine(_ a: Int, _ b: Int) -> Double {
        var i = rowStart[a]
        var j = rowStart[b]
        let iEnd = rowStart[a + 1]
        let jEnd = rowStart[b + 1]
        var sum = 0.0
        while i < iEnd && j < jEnd {
            if rowTerms[i] == rowTerms[j] {
                sum += rowWeights[i] * rowWeights[j]
                i += 1
                j += 1
            } else if rowTerms[i] < rowTerms[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
