using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Domain.Allocations;
using Microsoft.Extensions.Options;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

/// <summary>Another reorganisation recorded from a file by the province administrator (<see cref="ReorganisationImports"/>).</summary>
internal static class ReorganisationImportEndpoints
{
    public static RouteGroupBuilder MapReorganisationImportEndpoints(this RouteGroupBuilder api)
    {
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value;
        api.MapGet("/reorganisations/imports/template.xlsx", DownloadTemplate).WithName("DownloadReorganisationTemplate")
            .WithSummary("The empty workbook to describe a reorganisation in Excel: sheet 'Thông tin' (name, legal basis, effective date), sheet 'Đơn vị mới' (one new unit and one old unit a row), and a guide.")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.XlsxContentType);

        api.MapPost("/reorganisations/imports", ImportAsync).WithName("ImportReorganisation")
            .AcceptsFileUpTo(limits.MaxFileBytes)
            .WithSummary("Records a reorganisation from multipart field 'file' (JSON of the reference files' shape, or the workbook of the template), all or nothing. "
                + "?dryRun=true: 200 { preview, errors: [] }. 201 the reorganisation { id, name, effectiveFrom, legalBasis, units: [...] }; "
                + "422 invalid-reorganisation { preview, errors: [{ sheet, row, column, code, message }] } (row: the workbook's row or the JSON file's line; column: the letter or the field's path); "
                + "413 file-too-large; 403 forbidden; 429 import-in-progress.")
            .Produces<ReorganisationDetailsDto>(StatusCodes.Status201Created);
        return api;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult DownloadTemplate()
    {
        var workbook = new MemoryStream();
        ReorganisationWorkbook.WriteTemplate(workbook);
        workbook.Position = 0;
        return TypedResults.File(workbook, AppendixEndpoints.XlsxContentType, ReorganisationWorkbook.TemplateFileName);
    }

    private static async Task<IResult> ImportAsync(bool? dryRun, HttpContext context, ReorganisationImports imports, IOptions<ImportOptions> options, CancellationToken cancellationToken)
    {
        var upload = await FileUploads.ReadAsync(context, options.Value.MaxFileBytes, ImportEndpoints.TooLarge, cancellationToken);
        if (!upload.Read)
        {
            return upload.Problem;
        }

        var outcome = await imports.ImportAsync(ApiCaller.Of(context), upload.Bytes, dryRun == true, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ApiProblems.Refusal(outcome.Error);
        }

        var report = outcome.Value;
        if (report.Issues.FirstOrDefault(i => i.FileIssue?.Code == ImportErrorCode.FileTooLarge) is { FileIssue: { } tooLarge })
        {
            return ImportEndpoints.TooLarge(tooLarge);
        }

        var preview = report.Preview is { } p ? ReorganisationPreviewDto.From(p) : null;
        if (report.Issues.Count > 0)
        {
            var culture = CultureInfo.CurrentUICulture;
            var errors = report.Issues.Select(i => new ReorganisationImportErrorDto(i.Sheet, i.Row, i.Column, i.ApiCode, i.Describe(culture))).ToList();
            return TypedResults.Problem(
                detail: RefusalMessages.Describe(AllocationError.InvalidReorganisation(errors.Count), culture),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: ApiText.ImportRefusedTitle,
                extensions: new Dictionary<string, object?> { ["code"] = AllocationErrorCode.InvalidReorganisation.ApiCode(), ["preview"] = preview, ["errors"] = errors });
        }

        if (report.Recorded is { } recorded)
        {
            return TypedResults.Created($"/api/v1/reorganisations/{recorded.Summary.Id}", ReorganisationDetailsDto.From(recorded));
        }

        return TypedResults.Ok(new ReorganisationImportPreviewResponse(preview, []));
    }
}

/// <summary>One problem of a reorganisation file: where it is (the sheet, row and column; or the JSON line and field path) and why.</summary>
public sealed record ReorganisationImportErrorDto(string? Sheet, int? Row, string? Column, string Code, string Message);

/// <summary>What a dry run of a reorganisation file would record.</summary>
public sealed record ReorganisationImportPreviewResponse(ReorganisationPreviewDto? Preview, IReadOnlyList<ReorganisationImportErrorDto> Errors);

public sealed record ReorganisationPreviewDto(string? Name, string? LegalBasis, DateOnly? EffectiveFrom, int EndingUnits, IReadOnlyList<ImportedUnitDto> Units)
{
    internal static ReorganisationPreviewDto From(ReorganisationPreview p) =>
        new(p.Name, p.LegalBasis, p.EffectiveFrom, p.EndingUnits,
        [
            .. p.Units.Select(u => new ImportedUnitDto(u.Row, u.Kind.ToString(), u.Code, u.Name, u.AgencyCode,
                [.. u.FormedFrom.Select(f => new ImportedLinkDto(f.Row, f.OldUnitId, f.Code, f.Name, f.Share, f.Partial, f.Confirmed, f.Held))])),
        ]);
}

public sealed record ImportedUnitDto(int? Row, string Kind, string? Code, string Name, string? AgencyCode, IReadOnlyList<ImportedLinkDto> FormedFrom);

/// <summary>One old unit: <c>unitId</c> is the portal's unit it was found as (null when not held, or not found).</summary>
public sealed record ImportedLinkDto(int? Row, int? UnitId, string? Code, string Name, decimal? Share, bool Partial, bool Confirmed, bool Held);
