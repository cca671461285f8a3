import ConveneDomain
import Foundation

/// The partnership landscape that the source reports describe, as a register to explore Convene with: Popolo JSON
/// (`Resources/reports-landscape.popolo.json`), read through the importer as any Popolo file is.
///
/// Facts come from the APCC deep dive on Combating Drugs Partnerships (Feb 2024; its Appendices A
/// and B and the Wales table), the APCC report on local partnership systems (Feb 2025) and the
/// Cambridgeshire and West Mercia panel reports. People appear only as role titles; every
/// partnership is marked `isDemo`.
///
/// Rules the demo follows:
/// - A force area's CDPs are the partnerships of type `.combatingDrugsPartnership` in it. Where a
///   report says another body *is* the CDP (Cambridgeshire's High Harms Board, Bedfordshire's
///   Serious Harm Partnership Board, Lincolnshire's Drugs and Alcohol core priority group), that
///   body has the CDP type, so each force area has exactly Appendix B's number of CDPs.
/// - Each CDP carries its force area's Appendix B answers as `pccRoles` (the table answers for the
///   force area, not for each CDP), plus SRO where Appendix A names the commissioner's office as SRO,
///   plus roles a case study states. "Set up an overarching group" is recorded on the CDPs, and
///   where a report names that group it is a partnership too, with the CDPs reporting to it.
/// - Appendix B has two answers for Avon and Somerset, the PCC's and the police's. The force area has
///   one set of five CDPs; their `pccRoles` are the PCC's answer, and each CDP's purpose records both.
/// - Names are the reports' own; where a report gives none, a CDP is "<place> Combating Drugs
///   Partnership 2 of 4". Footprints are given only where a report names the places.
public enum DemoLandscape {
    /// The reports' register as Popolo JSON, a resource of this target.
    public static func popolo() throws -> Data {
        guard
            let url = Bundle.module.url(
                forResource: "reports-landscape.popolo", withExtension: "json",
                subdirectory: "Resources")
        else {
            throw DemoFailure("The demo's landscape file is missing from the build.")
        }
        return try Data(contentsOf: url)
    }

    /// The reports' register, read by `Popolo.read`; any issue is the demo's fault, so it stops here.
    public static func register() throws -> Register {
        let batch = Popolo.read(try popolo())
        guard batch.issues.isEmpty else {
            throw DemoFailure(
                "The demo's landscape file has problems: "
                    + batch.issues.prefix(5).map { "\($0)" }.joined(separator: "; "))
        }
        return batch.register
    }

    /// The police force area (ONS code) of each demo partnership, by partnership key.
    public static func forceAreaCodes() throws -> [String: String] {
        Dictionary(
            try register().partnerships.compactMap { p in p.forceAreaCode.map { (p.key, $0) } },
            uniquingKeysWith: { a, _ in a })
    }
}
