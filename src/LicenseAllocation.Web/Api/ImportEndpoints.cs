using LicenseAllocation.Application.Import;
using LicenseAllocation.Web.Localization;
using Microsoft.Extensions.Options;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

internal static class ImportEndpoints
{
    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value;
        api.MapGet("/plans/{planId:int}/units/{unitId:int}/template.xlsx", DownloadTemplateAsync).WithName("DownloadTemplate").OneExportAtATime()
            .WithSummary("The sub-allocation template of a unit: one row per active child with code, name and current quantity, to fill in Excel and import.")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.XlsxContentType);

        api.MapPost("/plans/{planId:int}/imports", ImportAsync).WithName("ImportWorkbook")
            .AcceptsFileUpTo(limits.MaxFileBytes)
            .WithSummary("Imports a filled template (or, for the province, the plan's appendix) from multipart field 'file' with 'reason'; ?dryRun=true previews. "
                + "200 { applied, changes, errors: [] }; 422 { applied: false, changes, errors: [{ sheet, row, column, code, message }] } (code reason-required when only the reason is missing); "
                + "413 file-too-large; 403 forbidden | out-of-scope.");
        return api;
    }

    private static async Task<IResult> DownloadTemplateAsync(int planId, int unitId, HttpContext context, TemplateQuery templates, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        var outcome = await templates.GetAsync(caller, planId, unitId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ApiProblems.Refusal(outcome.Error);
        }

        var workbook = new MemoryStream();
        TemplateWorkbook.Write(outcome.Value, workbook);
        workbook.Position = 0;
        return TypedResults.File(workbook, AppendixEndpoints.XlsxContentType, $"mau-phan-bo-ke-hoach-{planId}-don-vi-{unitId}.xlsx");
    }

    private static async Task<IResult> ImportAsync(
        int planId, bool? dryRun, int? unitId, HttpContext context, ImportService imports, IOptions<ImportOptions> options, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        var upload = await FileUploads.ReadAsync(context, options.Value.MaxFileBytes, TooLarge, cancellationToken);
        if (!upload.Read)
        {
            return upload.Problem;
        }

        var request = new ImportRequest(planId, upload.Bytes, unitId, upload.Form["reason"].ToString());
        var report = dryRun == true
            ? await imports.PreviewAsync(caller, request, cancellationToken)
            : await imports.ApplyAsync(caller, request, cancellationToken);
        return Answer(report);
    }

    private static IResult Answer(ImportReport report)
    {
        if (report.Refusal is { } refusal)
        {
            return ApiProblems.Refusal(refusal);
        }

        if (report.Errors.FirstOrDefault(e => e.Code == ImportErrorCode.FileTooLarge) is { } tooLarge)
        {
            return TooLarge(tooLarge);
        }

        var changes = report.Changes.Select(ImportChangeDto.From).ToList();
        if (report.Errors.Count > 0)
        {
            var errors = report.Errors.Select(ImportErrorDto.From).ToList();
            var reasonOnly = errors.All(e => e.Code == "reason-required");
            return TypedResults.Problem(
                detail: reasonOnly
                    ? errors[0].Message
                    : Ui.F(ApiText.ImportRefused, errors.Count),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: ApiText.ImportRefusedTitle,
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = reasonOnly ? "reason-required" : "import-refused",
                    ["applied"] = false,
                    ["changes"] = changes,
                    ["errors"] = errors,
                });
        }

        return TypedResults.Ok(new ImportResponse(report.Applied, report.ChangeSetId, report.Source?.Kind.ToString(), report.Source?.UnitId, changes, [])
        {
            NeedChanges = [.. report.NeedChanges.Select(ImportNeedChangeDto.From)],
        });
    }

    internal static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(ImportIssue issue) => TypedResults.Problem(
        detail: ImportMessages.Describe(issue, System.Globalization.CultureInfo.CurrentUICulture),
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: ApiText.FileTooLargeTitle,
        extensions: new Dictionary<string, object?> { ["code"] = issue.ApiCode });
}
