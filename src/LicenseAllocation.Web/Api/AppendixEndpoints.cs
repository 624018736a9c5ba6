using LicenseAllocation.Application.Appendix;

namespace LicenseAllocation.Web.Api;

internal static class AppendixEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapAppendixEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{planId:int}/appendix.xlsx", DownloadAsync).WithName("DownloadAppendix")
            .WithSummary("The plan's official appendix (Phụ lục) as an Excel workbook, in the layout of Decree 30/2020/NĐ-CP.")
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType);
        return api;
    }

    private static async Task<IResult> DownloadAsync(int planId, HttpContext context, AppendixQuery appendix, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var outcome = await appendix.GetAsync(caller, planId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ApiProblems.Refusal(outcome.Error);
        }

        var workbook = new MemoryStream();
        AppendixWorkbook.Write(outcome.Value, workbook);
        workbook.Position = 0;
        return TypedResults.File(workbook, XlsxContentType, $"phu-luc-ke-hoach-{planId}.xlsx");
    }
}
