using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains.Agreements;
using Dua.Grains.Participants;
using Dua.Grains.Requests;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.Participants;
using Dua.Grains.Abstractions.Requests;

namespace Dua.Grains.Tests;

/// <summary>
/// Grain state stored before the domain's types moved out of the grains (their payloads, as the storage provider
/// wrote them then, are pinned below) still reads, and the same state is written as the same bytes today.
/// </summary>
public sealed class StoredStateTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private readonly OrleansGrainStorageSerializer _storage =
        new(new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    [Fact]
    public void An_agreement_stored_before_reads_and_is_written_alike()
    {
        var read = ReadsAndWritesAlike(Agreement(), Stored.Agreement);

        var agreement = read.Agreement!;
        Assert.Equal(("21-0123456789abcdef", AgreementKind.Newcomers, AgreementStatus.Ended, EndReason.Superseded), (agreement.Id, agreement.Kind, agreement.Status, agreement.EndReason));
        Assert.Equal(["2184", "2183"], agreement.MunicipalityCodes.AsEnumerable());
        Assert.Equal([Party.Municipality, Party.EmploymentService], agreement.Terms.Signatories.Select(s => s.Party));
        Assert.Equal([TargetGroup.Youth, TargetGroup.Newcomers], agreement.Terms.TargetGroups.AsEnumerable());
        Assert.Equal([FocusArea.WelfareCompetenceSupply], agreement.Terms.FocusAreas.AsEnumerable());
        Assert.Equal([61, null], agreement.Terms.Goals.Select(g => g.Baseline));
        Assert.Equal([JobTrackComponentKind.Sfi, JobTrackComponentKind.Internship], agreement.JobTracks[0].Spec.Components.Select(c => c.Kind));
        Assert.Equal(["21-0123456789abcdef-p000001"], agreement.JobTracks[0].Participants.AsEnumerable());
        Assert.True(agreement.JobTracks[1].IsPreparatory);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), (agreement.ValidFrom, agreement.ValidTo));
        Assert.Equal(("21-fedcba9876543210", "21-1111111111111111", 6L, 1), (agreement.SuccessorId, agreement.PredecessorId, agreement.Version, agreement.ParticipantsAdmitted));
        Assert.Equal(new Amendment(4, "Nya mål", At, "req-amend"), Assert.Single(agreement.Amendments));
        Assert.Equal(3, read.NextJobTrackNumber);
        Assert.True(read.Requests.IsReplay(new RequestKey("req-track-1", "fp-track-1")));
        Assert.Equal("t1", read.Requests.ResultOf(new RequestKey("req-track-1", "fp-track-1")));
        Assert.Equal("1", read.Admissions.ResultOf(new RequestKey("req-enrol", "fp-enrol")));
    }

    [Fact]
    public void A_participant_stored_before_reads_and_is_written_alike()
    {
        // Stored before the participant kept its agreement's municipalities: it reads back whole (without them), and
        // is written now with that one field more (null until filled), everything before it byte for byte alike.
        var read = ReadsAndWritesAlike(Participant(), Stored.Participant, Stored.ParticipantNow).Participant!;
        Assert.StartsWith(Stored.Participant[..^8], Stored.ParticipantNow);

        Assert.Equal((AgeBand.From20To24, ParticipantStatus.Exited, PathChoice.Work, ExitOutcome.Employment), (read.AgeBand, read.Status, read.PathChoice, read.Outcome));
        Assert.Equal(
            [ParticipantEventKind.Enrolled, ParticipantEventKind.JobPreparationStarted, ParticipantEventKind.PathChosen, ParticipantEventKind.JobTrackStarted, ParticipantEventKind.Exited],
            read.History.Select(e => e.Kind));
        Assert.Equal(("t1", ExitOutcome.Employment), (read.History[3].JobTrackId, read.History[4].Outcome));
    }

    [Fact]
    public void A_person_a_claim_and_a_municipality_s_index_stored_before_read_and_are_written_alike()
    {
        Assert.Equal("21-0123456789abcdef-p000001", ReadsAndWritesAlike(Person(), Stored.Person).OpenParticipantId);
        Assert.Equal(new RequestClaim("fp-create", "21-0123456789abcdef"), ReadsAndWritesAlike(Claim(), Stored.Claim).Claim);
        Assert.Equal(
            [new AgreementIndexEntry("21-0123456789abcdef", AgreementKind.Newcomers, AgreementStatus.Signed), new AgreementIndexEntry("21-1111111111111111", AgreementKind.Youth, AgreementStatus.Ended)],
            ReadsAndWritesAlike(Municipality(), Stored.Municipality).Agreements.Values);
    }

    private T ReadsAndWritesAlike<T>(T state, string stored, string? writtenNow = null)
    {
        Assert.Equal(writtenNow ?? stored, Convert.ToBase64String(_storage.Serialize(state).ToArray()));
        var read = _storage.Deserialize<T>(BinaryData.FromBytes(Convert.FromBase64String(stored)))!;
        Assert.Equal(writtenNow ?? stored, Convert.ToBase64String(_storage.Serialize(read).ToArray()));
        return read;
    }

    private static RequestLedger Ledger(params (string Id, string Fingerprint, string? Result)[] requests)
    {
        var ledger = new RequestLedger();
        foreach (var (id, fingerprint, result) in requests)
        {
            ledger.Record(new RequestKey(id, fingerprint), result);
        }

        return ledger;
    }

    private static AgreementState Agreement()
    {
        var spec = new JobTrackSpec("Undersköterska", "5321", [new Employer("Hudiksvalls sjukhus", "232100-0040")], "SFI D", ["Godkänd SFI C"],
            [new JobTrackComponent(JobTrackComponentKind.Sfi, 8), new JobTrackComponent(JobTrackComponentKind.Internship, 12)], 20, 12);
        return new AgreementState
        {
            Agreement = new AgreementSnapshot(
                "21-0123456789abcdef", AgreementKind.Newcomers, AgreementStatus.Ended, ["2184", "2183"], "21",
                new AgreementTerms("Arbetsförmedlingen Hudiksvall",
                    [new Signatory("Anna Berg", "Ordförande", Party.Municipality), new Signatory("Erik Lund", "Sektionschef", Party.EmploymentService)],
                    [TargetGroup.Youth, TargetGroup.Newcomers], [FocusArea.WelfareCompetenceSupply],
                    [new Goal("Unga i arbete", 61, 70, new DateOnly(2027, 12, 31), "procent"), new Goal("Utan bas", null, 5.5, new DateOnly(2028, 1, 1), "")]),
                [new JobTrack("t1", spec, 1, true, ["21-0123456789abcdef-p000001"]), new JobTrack("t2", spec with { Employers = [], Name = "Förberedande" }, 0, false)],
                new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), EndReason.Superseded, "ersatt", "21-fedcba9876543210", "21-1111111111111111",
                [new Amendment(4, "Nya mål", At, "req-amend")], 6, At, At.AddDays(3), 1),
            Requests = Ledger(("req-create", "fp-create", null), ("req-track-1", "fp-track-1", "t1"), ("req-amend", "fp-amend", null)),
            NextJobTrackNumber = 3,
            Admissions = Ledger(("req-enrol", "fp-enrol", "1")),
        };
    }

    private static ParticipantState Participant() => new()
    {
        Participant = new ParticipantSnapshot(
            "21-0123456789abcdef-p000001", "21-0123456789abcdef", new string('a', 64), AgeBand.From20To24, [TargetGroup.Youth],
            ParticipantStatus.Exited, 0, PathChoice.Work, null, ExitOutcome.Employment,
            [
                new ParticipantEvent(ParticipantEventKind.Enrolled, new DateOnly(2026, 2, 2), At, "req-enrol"),
                new ParticipantEvent(ParticipantEventKind.JobPreparationStarted, new DateOnly(2026, 3, 2), At, "req-step-1"),
                new ParticipantEvent(ParticipantEventKind.PathChosen, new DateOnly(2026, 3, 3), At, "req-step-2", PathChoice.Work),
                new ParticipantEvent(ParticipantEventKind.JobTrackStarted, new DateOnly(2026, 3, 4), At, "req-step-3", JobTrackId: "t1"),
                new ParticipantEvent(ParticipantEventKind.Exited, new DateOnly(2026, 4, 1), At, "req-step-4", Outcome: ExitOutcome.Employment),
            ], 5),
        Requests = Ledger(("req-create", "fp-create", null), ("req-track-1", "fp-track-1", "t1"), ("req-amend", "fp-amend", null)),
    };

    private static PersonState Person() => new() { OpenParticipantId = "21-0123456789abcdef-p000001", Requests = Ledger(("req-enrol", "fp-enrol", "1")) };

    private static CreateRequestState Claim() => new() { Fingerprint = "fp-create", EntityId = "21-0123456789abcdef" };


    private static MunicipalityState Municipality() => new()
    {
        Info = new MunicipalityInfo("2184", "Hudiksvall", "21", "Gävleborgs län"),
        Agreements =
        {
            ["21-0123456789abcdef"] = new AgreementIndexEntry("21-0123456789abcdef", AgreementKind.Newcomers, AgreementStatus.Signed),
            ["21-1111111111111111"] = new AgreementIndexEntry("21-1111111111111111", AgreementKind.Youth, AgreementStatus.Ended),
        },
    };

    /// <summary>The payloads the storage provider wrote for these states before the domain's types moved (commit 87c4893).</summary>
    private static class Stored
    {
        public const string Agreement =
            "ICDoQCcyMS0wMTIzNDU2Nzg5YWJjZGVmAQkBDSEgAAVBCTIxODRACTIxODPg4EEFMjEh6EA9QXJiZXRzZsO2cm1lZGxpbmdlbiBI" +
            "dWRpa3N2YWxsISAABSHoQBNBbm5hIEJlcmdBF09yZGbDtnJhbmRlAQXgIOhAE0VyaWsgTHVuZEEZU2VrdGlvbnNjaGVmAQng4OAh" +
            "IAAFAQUACeDgISAAAwEF4OAhIAAFIehAG1VuZ2EgaSBhcmJldGWBAAAAAACATkCBAAAAAACAUUBh+UsLAEEPcHJvY2VudOAg6EAR" +
            "VXRhbiBiYXPBAYEAAAAAAAAWQGH6SwsAQQHg4ODgISAABSHoQAV0MSHoQB9VbmRlcnNrw7Z0ZXJza2FBCTUzMjEhIAADIehAJ0h1" +
            "ZGlrc3ZhbGxzIHNqdWtodXNBFzIzMjEwMC0wMDQw4ODgQQtTRkkgRCEgAANBHUdvZGvDpG5kIFNGSSBD4OAhIAAFIegABQEh4CDo" +
            "ABkBMeDg4AFRATHgAQUBAyEgAANBNzIxLTAxMjM0NTY3ODlhYmNkZWYtcDAwMDAwMeDg4CDoQAV0MiHoQBtGw7ZyYmVyZWRhbmRl" +
            "wXEhIODgwX8hIAADwYfg4CEgAAXBj8CV4OABUQEx4AEBAQEhwAHg4ODgYSBJCwBh+UsLAAENQQ1lcnNhdHRBJzIxLWZlZGNiYTk4" +
            "NzY1NDMyMTBBJzIxLTExMTExMTExMTExMTExMTEhIAADIegAEUERTnlhIG3DpWwhgIBJKr6red4IgQAAAAAAAAAA4EETcmVxLWFt" +
            "ZW5k4ODgARkhgIBJKr6red4IgQAAAAAAAAAA4CGAgIlnPQd83giBAAAAAAAAAADgAQXgISABB0EVcmVxLWNyZWF0ZSDoQBNmcC1j" +
            "cmVhdGUBBcEB4EAXcmVxLXRyYWNrLTEg6EAVZnAtdHJhY2stMQEJwWvgwPcg6EARZnAtYW1lbmQBDcEB4OABDeABDSEgAQNBE3Jl" +
            "cS1lbnJvbCDoQBFmcC1lbnJvbAEFQQMx4OABBeDg";

        public const string Participant =
            "ICDoQDcyMS0wMTIzNDU2Nzg5YWJjZGVmLXAwMDAwMDFBJzIxLTAxMjM0NTY3ODlhYmNkZWZBgWFhYWFhYWFhYWFhYWFhYWFhYWFh" +
            "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWEBCSEgAAMBBeDgAQkBAQEJwQEBBSEgAAsh6AAFYUBJ" +
            "CwAhgIBJKr6red4IgQAAAAAAAAAA4EETcmVxLWVucm9sAQHBAQEB4CDoAAlhXEkLACGAgEkqvqt53giBAAAAAAAAAADgQRVyZXEt" +
            "c3RlcC0xAQHBAQEB4CDoAA1hXUkLACGAgEkqvqt53giBAAAAAAAAAADgQRVyZXEtc3RlcC0yAQnBAQEB4CDoABFhXkkLACGAgEkq" +
            "vqt53giBAAAAAAAAAADgQRVyZXEtc3RlcC0zAQFBBXQxAQHgIOgAFWF6SQsAIYCASSq+q3neCIEAAAAAAAAAAOBBFXJlcS1zdGVw" +
            "LTQBAcEBAQXg4OABFeAhIAEHQRVyZXEtY3JlYXRlIOhAE2ZwLWNyZWF0ZQEFwQHgQBdyZXEtdHJhY2stMSDoQBVmcC10cmFjay0x" +
            "AQnBc+BAE3JlcS1hbWVuZCDoQBFmcC1hbWVuZAENwQHg4AEN4OA=";

        /// <summary>The same participant as written since <c>ParticipantState.MunicipalityCodes</c> (Id 2) exists.</summary>
        public const string ParticipantNow =
            "ICDoQDcyMS0wMTIzNDU2Nzg5YWJjZGVmLXAwMDAwMDFBJzIxLTAxMjM0NTY3ODlhYmNkZWZBgWFhYWFhYWFhYWFhYWFhYWFhYWFh" +
            "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWEBCSEgAAMBBeDgAQkBAQEJwQEBBSEgAAsh6AAFYUBJ" +
            "CwAhgIBJKr6red4IgQAAAAAAAAAA4EETcmVxLWVucm9sAQHBAQEB4CDoAAlhXEkLACGAgEkqvqt53giBAAAAAAAAAADgQRVyZXEt" +
            "c3RlcC0xAQHBAQEB4CDoAA1hXUkLACGAgEkqvqt53giBAAAAAAAAAADgQRVyZXEtc3RlcC0yAQnBAQEB4CDoABFhXkkLACGAgEkq" +
            "vqt53giBAAAAAAAAAADgQRVyZXEtc3RlcC0zAQFBBXQxAQHgIOgAFWF6SQsAIYCASSq+q3neCIEAAAAAAAAAAOBBFXJlcS1zdGVw" +
            "LTQBAcEBAQXg4OABFeAhIAEHQRVyZXEtY3JlYXRlIOhAE2ZwLWNyZWF0ZQEFwQHgQBdyZXEtdHJhY2stMSDoQBVmcC10cmFjay0x" +
            "AQnBc+BAE3JlcS1hbWVuZCDoQBFmcC1hbWVuZAENwQHg4AEN4MEB4A==";

        public const string Person =
            "IEA3MjEtMDEyMzQ1Njc4OWFiY2RlZi1wMDAwMDAxISABA0ETcmVxLWVucm9sIOhAEWZwLWVucm9sAQVBAzHg4AEF4OA=";

        public const string Claim =
            "IEATZnAtY3JlYXRlQScyMS0wMTIzNDU2Nzg5YWJjZGVm4A==";

        public const string Municipality =
            "ICDoQAkyMTg0QRVIdWRpa3N2YWxsQQUyMUEhR8OkdmxlYm9yZ3MgbMOkbuAhAQVBJzIxLTAxMjM0NTY3ODlhYmNkZWYg6MATAQkB" +
            "CeBAJzIxLTExMTExMTExMTExMTExMTEg6MAdAQUBDeDg4A==";
    }
}
