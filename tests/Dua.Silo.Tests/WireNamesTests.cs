using Dua.Domain;
using Dua.Domain.Dialogues;
using Dua.Domain.LabourMarket;
using Dua.Silo.Api;
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
}
