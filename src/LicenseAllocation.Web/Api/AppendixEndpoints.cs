using LicenseAllocation.Application.Appendix;

namespace LicenseAllocation.Web.Api;

internal static class AppendixEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PdfContentType = "application/pdf";

    public static RouteGroupBuilder MapAppendixEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{planId:int}/appendix.xlsx", DownloadAsync).WithName("DownloadAppendix")
            .WithSummary("The plan's official appendix (Phụ lục) as an Excel workbook, in the layout of Decree 30/2020/NĐ-CP: a draft's as its figures stand (administrators and auditors only; 403 out-of-scope for other roles), a published plan's exactly as frozen at publication (every reader).")
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType);
        api.MapGet("/plans/{planId:int}/appendix.pdf", DownloadPdfAsync).WithName("DownloadAppendixPdf")
            .WithSummary("The same appendix as a PDF to attach to the letter: A4, Decree 30 margins, the table's heading on every page, page numbers from page 2, \"DỰ THẢO\" on every page of a draft's; a published plan's made from its frozen workbook.")
            .Produces(StatusCodes.Status200OK, contentType: PdfContentType);
        return api;
    }

    private static async Task<IResult> DownloadAsync(int planId, HttpContext context, AppendixExport appendix, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var outcome = await appendix.GetWorkbookAsync(caller, planId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ApiProblems.Refusal(outcome.Error);
        }

        return TypedResults.File(outcome.Value.Content, XlsxContentType, $"phu-luc-ke-hoach-{planId}.xlsx");
    }

    private static async Task<IResult> DownloadPdfAsync(int planId, HttpContext context, AppendixPdfExport appendix, CancellationToken cancellationToken)
    {
        var outcome = await appendix.GetPdfAsync(ApiCaller.Of(context), planId, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.File(outcome.Value, PdfContentType, $"phu-luc-ke-hoach-{planId}.pdf")
            : ApiProblems.Refusal(outcome.Error);
    }
}
