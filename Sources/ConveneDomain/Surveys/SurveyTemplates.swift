import Foundation

/// Surveys Convene ships, to start from. The partnership survey asks the statements of the APCC's survey of OPCCs, as
/// its report (001_6804a64c8f71df74.txt, "Towards Better Partnerships") quotes them, so that an area's answers can be
/// set beside the national figures.
public enum SurveyTemplates {
    public struct Template: Sendable {
        public var key: String
        public var title: String
        public var introduction: String
        public var questions: [SurveyQuestion]
    }

    public static let all: [Template] = [partnerships]

    public static func named(_ key: String) -> Template? { all.first { $0.key == key } }

    /// The statements in the order the report's findings give them, each a Likert statement, then two questions in
    /// the respondent's own words.
    public static let partnerships = Template(
        key: "partnership-system",
        title: "How well is our partnership system working?",
        introduction:
            "These statements are those of the APCC's national survey of Offices of Police and Crime Commissioners, "
            + "so that our answers can be set beside theirs. Say how far you agree with each; choose "
            + "\"Don't know\" where you cannot say.",
        questions: likert(
            section: "Partnerships and their configuration",
            [
                "Multi-agency partnerships have a critical role to play in delivering PCCs' priorities",
                "Overall our local partnerships are configured effectively and efficiently to deliver multi-agency solutions",
                "Multi-agency partnerships in our force area work effectively together where they have linked objectives and priorities",
                "Our PCC has the capacity and resource to engage meaningfully in the key partnerships relevant to them",
                "Other key partners have the capacity and resources to engage in a consistent way across the key partnerships relevant to them",
                "We are able to get sufficient engagement from senior decision makers to enable partnerships to lead and drive multi-agency work"
            ], from: 1)
            + likert(
                section: "Duplication and strategies",
                [
                    "There is a tendency for similar groups of people to have similar discussions in different partnership forums",
                    "Too many partnerships that should be driving work are more like talking shops",
                    "There are considerable numbers of partnership strategies being published",
                    "Partnership strategies align with our Police and Crime Plan priorities",
                    "National decision makers give due consideration to the resource and capacity issues when creating new partnerships",
                    "Too often new partnerships are created without considering the scope of existing partnerships to manage new issues and demands"
                ], from: 7)
            + likert(
                section: "Data, co-ordination and review",
                [
                    "There is appropriate data and information sharing across partnerships",
                    "There is sufficient join up, communications and co-ordination across partnerships",
                    "Statutory and other support is needed to empower local system leaders to deliver multi-agency engagement and delivery through partnerships (for example, LCJBs)",
                    "Local areas should have more scope to determine the best partnership structures to deliver effective multi-agency work in their areas",
                    "Existing partnerships are reviewed effectively to ensure efficient partnership working"
                ], from: 13)
            + [
                SurveyQuestion(
                    key: "q18", text: "Which partnerships add the most value, and why?", kind: .freeText,
                    section: "In your own words"),
                SurveyQuestion(
                    key: "q19", text: "Which partnerships could be merged, reformed or stopped, and why?",
                    kind: .freeText)
            ])

    static func likert(section: String, _ statements: [String], from first: Int) -> [SurveyQuestion] {
        statements.enumerated().map { index, text in
            SurveyQuestion(
                key: "q\(first + index)", text: text, kind: .likert, required: true,
                section: index == 0 ? section : nil)
        }
    }
}
