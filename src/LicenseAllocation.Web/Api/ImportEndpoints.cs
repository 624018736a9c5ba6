using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Allocations;
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
            .WithSummary("Imports a filled template (or, for the province, the plan's appendix) from multipart field 'file' with 'reason' and, optionally, "
                + "'documentRef' (the document the change is based on, written on its audit rows); ?dryRun=true previews. "
                + "200 { applied, changes, totals: { allocated, handedOnBefore, handedOnAfter, remainingBefore, remainingAfter }, errors: [] }; "
                + "422 { applied: false, changes, errors: [{ sheet, row, column, code, message }] } (code reason-required or document-ref-too-long when only that is wrong; "
                + "413 file-too-large; 403 forbidden | out-of-scope (for an officer's file of a unit outside their scope, errors: [{ code: province-appendix | other-unit-template }] "
                + "and a detail saying which template to take instead).");
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

        var documentRef = upload.Form["documentRef"].ToString();
        var request = new ImportRequest(planId, upload.Bytes, unitId, upload.Form["reason"].ToString(), documentRef.Length == 0 ? null : documentRef);
        var report = dryRun == true
            ? await imports.PreviewAsync(caller, request, cancellationToken)
            : await imports.ApplyAsync(caller, request, cancellationToken);
        return Answer(report);
    }

    private static IResult Answer(ImportReport report)
    {
        if (report.Refusal is { } refusal)
        {
            return report.Errors is [{ } instead]
                ? OtherFile(refusal, instead)
                : ApiProblems.Refusal(refusal);
        }

        if (report.Errors.FirstOrDefault(e => e.Code == ImportErrorCode.FileTooLarge) is { } tooLarge)
        {
            return TooLarge(tooLarge);
        }

        var changes = report.Changes.Select(ImportChangeDto.From).ToList();
        if (report.Errors.Count > 0)
        {
            var errors = report.Errors.Select(ImportErrorDto.From).ToList();
            // The request's own fields, not the file, are wrong: said as their code, as for the bulk grid.
            var requestOnly = errors.Count == 1 && errors[0].Code is "reason-required" or "document-ref-too-long";
            return TypedResults.Problem(
                detail: requestOnly
                    ? errors[0].Message
                    : Ui.F(ApiText.ImportRefused, errors.Count),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: ApiText.ImportRefusedTitle,
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = requestOnly ? errors[0].Code : "import-refused",
                    ["applied"] = false,
                    ["changes"] = changes,
                    ["errors"] = errors,
                });
        }

        return TypedResults.Ok(new ImportResponse(report.Applied, report.ChangeSetId, report.Source?.Kind.ToString(), report.Source?.UnitId, changes, [])
        {
            NeedChanges = [.. report.NeedChanges.Select(ImportNeedChangeDto.From)],
            Totals = ImportTotalsDto.From(report.Totals),
        });
    }

    /// <summary>403 out-of-scope as every other refusal of scope, its detail saying which file to take instead and its <c>errors</c> the issue's own code.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult OtherFile(AllocationError refusal, ImportIssue instead)
    {
        var error = ImportErrorDto.From(instead);
        return TypedResults.Problem(
            detail: error.Message,
            statusCode: StatusCodes.Status403Forbidden,
            title: ApiText.RequestRefused,
            extensions: new Dictionary<string, object?> { ["code"] = refusal.Code.ApiCode(), ["applied"] = false, ["errors"] = new[] { error } });
    }

    internal static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(ImportIssue issue) => TypedResults.Problem(
        detail: ImportMessages.Describe(issue, System.Globalization.CultureInfo.CurrentUICulture),
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: ApiText.FileTooLargeTitle,
        extensions: new Dictionary<string, object?> { ["code"] = issue.ApiCode });
}
