using Dua.Contracts.V1;

namespace Dua.LoadTest.Planning;

/// <summary>
/// Occupations local job tracks are typically built around: care, childcare, transport, construction, industry,
/// restaurants and cleaning, the sectors with shortages that take people without higher education.
/// Every code is an SSYK 2012 unit group (a test checks them against the shipped list).
/// </summary>
public static class ShortageOccupations
{
    public static IReadOnlyList<TrackTemplate> Templates { get; } =
    [
        new("5321", "Undersköterska inom äldreomsorgen", JobTrackComponentKind.VocationalAdultEducation, 52, 78, "Äldreomsorgen i {0}", PublicEmployer: true),
        new("5330", "Vårdbiträde", JobTrackComponentKind.VocationalAdultEducation, 26, 52, "Hemtjänsten i {0}", PublicEmployer: true),
        new("5342", "Boendestödjare", JobTrackComponentKind.VocationalAdultEducation, 26, 52, "Socialförvaltningen i {0}", PublicEmployer: true),
        new("5343", "Personlig assistent", JobTrackComponentKind.LabourMarketTraining, 16, 26, "Assistans i {0} AB", PublicEmployer: false),
        new("5311", "Barnskötare", JobTrackComponentKind.Komvux, 40, 78, "Förskolan i {0}", PublicEmployer: true),
        new("5312", "Elevassistent", JobTrackComponentKind.Komvux, 26, 52, "Grundskolan i {0}", PublicEmployer: true),
        new("5120", "Kock", JobTrackComponentKind.VocationalAdultEducation, 26, 52, "{0} Restaurang och Storkök AB", PublicEmployer: false),
        new("9412", "Restaurangbiträde", JobTrackComponentKind.LabourMarketTraining, 12, 26, "Skolmåltider i {0}", PublicEmployer: true),
        new("9111", "Lokalvårdare", JobTrackComponentKind.LabourMarketTraining, 12, 26, "{0} Städ och Fastighetsservice AB", PublicEmployer: false),
        new("8331", "Bussförare", JobTrackComponentKind.LabourMarketTraining, 26, 40, "{0} Buss och Trafik AB", PublicEmployer: false, "B driving licence"),
        new("8332", "Lastbilsförare", JobTrackComponentKind.LabourMarketTraining, 26, 40, "{0} Åkeri och Logistik AB", PublicEmployer: false, "B driving licence"),
        new("4322", "Lager- och terminalarbetare", JobTrackComponentKind.LabourMarketTraining, 12, 26, "{0} Lager och Terminal AB", PublicEmployer: false),
        new("8342", "Anläggningsmaskinförare", JobTrackComponentKind.LabourMarketTraining, 26, 52, "{0} Mark och Anläggning AB", PublicEmployer: false, "B driving licence"),
        new("7111", "Snickare", JobTrackComponentKind.VocationalAdultEducation, 40, 78, "{0} Bygg och Snickeri AB", PublicEmployer: false),
        new("7125", "VVS-montör", JobTrackComponentKind.VocationalAdultEducation, 40, 78, "{0} VVS och Energi AB", PublicEmployer: false),
        new("7131", "Målare", JobTrackComponentKind.VocationalAdultEducation, 26, 52, "{0} Måleri AB", PublicEmployer: false),
        new("7212", "Svetsare", JobTrackComponentKind.LabourMarketTraining, 26, 52, "{0} Mekaniska Verkstad AB", PublicEmployer: false),
        new("7411", "Installationselektriker", JobTrackComponentKind.VocationalAdultEducation, 52, 104, "{0} Elinstallation AB", PublicEmployer: false),
        new("7231", "Fordonsmekaniker", JobTrackComponentKind.VocationalAdultEducation, 40, 78, "{0} Bil och Verkstad AB", PublicEmployer: false),
        new("5152", "Fastighetsskötare", JobTrackComponentKind.LabourMarketTraining, 16, 40, "Bostadsbolaget i {0} AB", PublicEmployer: false),
        new("5350", "Tandsköterska", JobTrackComponentKind.HigherVocationalEducation, 52, 78, "{0} Tandvård AB", PublicEmployer: false),
    ];
}
