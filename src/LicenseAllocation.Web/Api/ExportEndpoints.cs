using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LicenseAllocation.Web.Api;

/// <summary>The districts workbook (all visible districts or one) and its PDF, and the flat export of every unit.</summary>
internal static class ExportEndpoints
{
    public static RouteGroupBuilder MapExportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{planId:int}/districts.xlsx", DownloadDistrictsAsync).WithName("DownloadDistricts").OneExportAtATime()
            .WithSummary("The districts' allocations: a summary sheet and one sheet per district with its agencies and communes. "
                + "The province and the auditor get every district, others the districts within their scope; 403 out-of-scope when there are none.")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.XlsxContentType);
        api.MapGet("/plans/{planId:int}/districts.pdf", DownloadDistrictsPdfAsync).WithName("DownloadDistrictsPdf").OneExportAtATime()
            .WithSummary("The same districts' allocations as a PDF to attach to the decisions: the summary, then one document per district, each with "
                + "\"Phụ lục\", its title, the \"(Kèm theo …)\" line of its decision, its own page numbers and \"DỰ THẢO\" while that decision is a draft. Same access as districts.xlsx.")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.PdfContentType);
        api.MapGet("/plans/{planId:int}/districts/{districtUnitId:int}.xlsx", DownloadDistrictAsync).WithName("DownloadDistrict").OneExportAtATime()
            .WithSummary("One district's workbook: its summary row and its sheet. 404 when the unit is not a district of the plan; 403 out-of-scope.")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.XlsxContentType);
        api.MapGet("/plans/{planId:int}/export.xlsx", DownloadUnitListAsync).WithName("DownloadUnitList").OneExportAtATime()
            .WithSummary("Every unit the caller may see, one row each in tree order, with kind, parent, level, figures and status. Streamed from a temporary file.")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.XlsxContentType);
        return api;
    }

    private static async Task<IResult> DownloadDistrictsAsync(int planId, HttpContext context, DistrictQueries districts, CancellationToken cancellationToken)
    {
        var outcome = await districts.GetReportAsync(ApiCaller.Of(context), planId, cancellationToken: cancellationToken);
        return outcome.Succeeded
            ? Workbook(outcome.Value, $"phan-bo-cac-huyen-ke-hoach-{planId}.xlsx")
            : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> DownloadDistrictsPdfAsync(int planId, HttpContext context, DistrictQueries districts, CancellationToken cancellationToken)
    {
        var outcome = await districts.GetReportAsync(ApiCaller.Of(context), planId, cancellationToken: cancellationToken);
        return outcome.Succeeded
            ? TypedResults.File(DistrictsPdf.Render(outcome.Value), AppendixEndpoints.PdfContentType, $"phan-bo-cac-huyen-ke-hoach-{planId}.pdf")
            : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> DownloadDistrictAsync(
        int planId, int districtUnitId, HttpContext context, DistrictQueries districts, CancellationToken cancellationToken)
    {
        var outcome = await districts.GetReportAsync(ApiCaller.Of(context), planId, districtUnitId, cancellationToken);
        return outcome.Succeeded
            ? Workbook(outcome.Value, $"phan-bo-{DownloadNames.Slug(outcome.Value.Districts[0].District.Name)}-ke-hoach-{planId}.xlsx")
            : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> DownloadUnitListAsync(int planId, HttpContext context, UnitListExport export, CancellationToken cancellationToken)
    {
        var outcome = await export.ExportAsync(ApiCaller.Of(context), planId, cancellationToken);

        // The result disposes the stream once sent, which deletes the temporary file.
        return outcome.Succeeded
            ? TypedResults.File(outcome.Value, AppendixEndpoints.XlsxContentType, $"danh-sach-don-vi-ke-hoach-{planId}.xlsx")
            : ApiProblems.Refusal(outcome.Error);
    }

    private static FileStreamHttpResult Workbook(DistrictReport report, string fileName)
    {
        var workbook = new MemoryStream();
        DistrictsWorkbook.Write(report, workbook);
        workbook.Position = 0;
        return TypedResults.File(workbook, AppendixEndpoints.XlsxContentType, fileName);
    }
}
