using LicenseAllocation.Application.Plans;

namespace LicenseAllocation.Web.Api;

internal static class ComparisonEndpoints
{
    public static RouteGroupBuilder MapComparisonEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{planId:int}/compare/{otherPlanId:int}", CompareAsync).WithName("ComparePlans")
            .WithSummary("The units whose quantity differs between two plans, in tree order: { items: [{ unitId, code, name, quantity, otherQuantity, difference }] } with difference = quantity − otherQuantity.");
        api.MapGet("/plans/{planId:int}/compare/{otherPlanId:int}/export.xlsx", ExportAsync).WithName("ExportPlanComparison").OneExportAtATime()
            .WithSummary("The same comparison as an Excel workbook.")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.XlsxContentType);
        return api;
    }

    private static async Task<IResult> CompareAsync(int planId, int otherPlanId, HttpContext context, PlanComparison comparison, CancellationToken cancellationToken)
    {
        var outcome = await comparison.CompareAsync(ApiCaller.Of(context), planId, otherPlanId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(ComparisonDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> ExportAsync(int planId, int otherPlanId, HttpContext context, PlanComparison comparison, CancellationToken cancellationToken)
    {
        var outcome = await comparison.CompareAsync(ApiCaller.Of(context), planId, otherPlanId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ApiProblems.Refusal(outcome.Error);
        }

        var workbook = new MemoryStream();
        ComparisonWorkbook.Write(outcome.Value, workbook);
        workbook.Position = 0;
        return TypedResults.File(workbook, AppendixEndpoints.XlsxContentType, $"so-sanh-ke-hoach-{planId}-{otherPlanId}.xlsx");
    }
}
