using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Web.Api;
using Microsoft.AspNetCore.WebUtilities;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>The trail's query string is written and read by one piece of code, for the API and the trail page alike.</summary>
public sealed class AuditQueryParametersTests
{
    [Fact]
    public void A_filter_written_as_a_query_string_reads_back_the_same()
    {
        var filter = new AuditFilter(1, 5, new DateOnly(2021, 1, 5), new DateOnly(2021, 2, 1), "caolanh", AuditAction.QuantityChanged, Guid.NewGuid());

        var query = QueryHelpers.ParseQuery(QueryHelpers.AddQueryString(string.Empty, AuditQueryParameters.Of(filter, page: 3)));
        string? Get(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;
        var read = new AuditQueryParameters(
            Get(AuditQueryParameters.UnitIdName), Get(AuditQueryParameters.FromName), Get(AuditQueryParameters.ToName), Get(AuditQueryParameters.UserNameName),
            Get(AuditQueryParameters.ActionName), Get(AuditQueryParameters.ChangeSetIdName), Get(AuditQueryParameters.PageName)).Parse(planId: 1);

        read.ShouldBe(read with { Filter = filter, Page = 3 });
        read.Understood.ShouldBeTrue();
    }

    [Fact]
    public void Every_parameter_that_is_not_understood_is_named_in_the_order_the_API_reports_them()
    {
        var read = new AuditQueryParameters(UnitId: "abc", To: "2021-13-01", Action: "Deleted", Page: "0").Parse(planId: null);

        read.Problems.Select(p => (p.Parameter, p.Kind)).ShouldBe([
            ("unitId", AuditQueryProblemKind.NotAUnitId),
            ("to", AuditQueryProblemKind.NotADate),
            ("action", AuditQueryProblemKind.NotAnAction),
            ("page", AuditQueryProblemKind.NotAPageNumber),
        ]);
        (read.Filter, read.Page).ShouldBe((new AuditFilter(), 1));
    }

    [Fact]
    public void Empty_criteria_and_the_first_page_are_left_out_of_the_query_string()
    {
        AuditQueryParameters.Of(new AuditFilter(PlanId: 1, UserName: "admin")).ShouldBe([new("userName", "admin")]);
    }
}
