using LicenseAllocation.Application.Reorganisations;

namespace LicenseAllocation.Web.Api;

/// <summary>The recorded reorganisations of the structure (the 2025 one of Đồng Tháp ships with the portal).</summary>
internal static class ReorganisationEndpoints
{
    public static RouteGroupBuilder MapReorganisationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/reorganisations", ListAsync).WithName("ListReorganisations")
            .WithSummary("Every recorded reorganisation [{ id, name, effectiveFrom, legalBasis, newUnits, links }].");
        api.MapGet("/reorganisations/{reorganisationId:int}", GetAsync).WithName("GetReorganisation")
            .WithSummary("One reorganisation with its new units [{ unitId, code, name, kind, agencyCode, formedFrom: [{ unitId, code, name, share, partial, confirmed }] }]. 404 not-found.");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext context, ReorganisationQueries queries, CancellationToken cancellationToken)
    {
        var outcome = await queries.ListAsync(ApiCaller.Of(context), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value.Select(ReorganisationDto.From).ToList()) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> GetAsync(int reorganisationId, HttpContext context, ReorganisationQueries queries, CancellationToken cancellationToken)
    {
        var outcome = await queries.GetAsync(ApiCaller.Of(context), reorganisationId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(ReorganisationDetailsDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }
}
