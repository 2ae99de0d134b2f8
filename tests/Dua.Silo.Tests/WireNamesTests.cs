using System.Reflection;
using Dua.Domain;
using Dua.Domain.Agreements;
using Dua.Domain.Dialogues;
using Dua.Domain.JobTracks;
using Dua.Domain.LabourMarket;
using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Silo.Api;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;

namespace Dua.Silo.Tests;

/// <summary>The domain names entities and fields in its own terms; the edge answers with the contract's names.</summary>
public sealed class WireNamesTests
{
    [Theory]
    [InlineData(DialogueRules.InvitedMunicipalities + "[3]", "municipality_codes[3]")]
    [InlineData(DialogueRules.OutcomeMunicipalities, "municipality_codes")]
    [InlineData(MonthlyFiguresRules.Unemployed18To24, "unemployed_18_24")]
    [InlineData(MonthlyFiguresRules.UnemploymentRate, "unemployment_rate")]
    [InlineData(ReportingMonth.Field, "month")]
    [InlineData("request_id", "request_id")]
    [InlineData(RequestKey.Field, "request_id")]
    [InlineData(ValidityPeriod.ToField, "valid_to")]
    [InlineData(AgreementTerms.FocusAreasField, "focus_areas")]
    [InlineData(ProgressStep.OccurredOnField, "occurred_on")]
    [InlineData(ProgressStep.Field, "step")]
    public void A_domain_field_refusal_is_an_invalid_argument_naming_the_contract_s_field(string domainField, string wireField)
    {
        var e = GrainErrorInterceptor.ToRpcException(DomainRuleException.InvalidValue(domainField, "is wrong"));

        Assert.Equal(StatusCode.InvalidArgument, e!.StatusCode);
        Assert.Equal(wireField, Assert.Single(e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Theory]
    [InlineData(KnownAreas.County, "dua.v1.Region")]
    [InlineData(KnownAreas.Municipality, "dua.v1.Municipality")]
    [InlineData(DialogueRules.Dialogue, "dua.v1.Dialogue")]
    [InlineData(AgreementSnapshot.Entity, "dua.v1.Agreement")]
    [InlineData(JobTrack.Entity, "dua.v1.JobTrack")]
    [InlineData(ParticipantSnapshot.Entity, "dua.v1.Participant")]
    public void A_domain_not_found_names_the_contract_s_resource(string entity, string resourceType)
    {
        var e = GrainErrorInterceptor.ToRpcException(DomainRuleException.NotFound(entity, "no such"));

        Assert.Equal(StatusCode.NotFound, e!.StatusCode);
        Assert.Equal(resourceType, e.GetRpcStatus()!.GetDetail<ResourceInfo>()!.ResourceType);
    }

    [Fact]
    public void A_domain_rule_is_a_failed_precondition_under_its_own_name()
    {
        var e = GrainErrorInterceptor.ToRpcException(DomainRuleException.Precondition(DialogueRules.NotHeldYet, "not yet"));

        Assert.Equal(StatusCode.FailedPrecondition, e!.StatusCode);
        Assert.Equal(DialogueRules.NotHeldYet, Assert.Single(e.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations).Subject);
    }

    [Fact]
    public void An_agreement_rule_is_a_failed_precondition_under_its_own_name_with_its_message()
    {
        var e = GrainErrorInterceptor.ToRpcException(DomainRuleException.Precondition(NewcomerJobTrackRule.Rule, "has 2"));

        Assert.Equal(StatusCode.FailedPrecondition, e!.StatusCode);
        Assert.Equal(NewcomerJobTrackRule.Rule, Assert.Single(e.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations).Subject);
        Assert.Contains("has 2", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_the_table_names_is_a_field_of_the_contract()
    {
        var fields = typeof(Contracts.V1.Agreement).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<MessageDescriptor>()
            .SelectMany(m => m.Fields.InDeclarationOrder().Select(f => f.Name).Concat(m.Oneofs.Select(o => o.Name)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(WireNames.DomainFields, field => Assert.Contains(WireNames.Field(field), fields));
    }
}
