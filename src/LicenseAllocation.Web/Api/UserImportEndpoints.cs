using System.Globalization;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Localization;
using Microsoft.Extensions.Options;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

/// <summary>Accounts created together from a workbook, by the province administrator (<see cref="BulkAccounts"/>).</summary>
internal static class UserImportEndpoints
{
    public const string PasswordFileName = "mat-khau-ban-dau.xlsx";

    public static RouteGroupBuilder MapUserImportEndpoints(this RouteGroupBuilder api)
    {
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value;
        api.MapPost("/users/imports", ImportAsync).WithName("ImportUsers")
            .AcceptsFileUpTo(limits.MaxFileBytes)
            .WithSummary("Creates accounts from a workbook (multipart field 'file'; columns A user name, B full name, C position, D unit code or name, "
                + "E role, F phone, G e-mail; heading in row 1), all or none; ?dryRun=true previews: 200 { created: false, rows, errors: [] }. "
                + "Created: 200 with the initial passwords workbook (mat-khau-ban-dau.xlsx, given once, never stored; every account must change its password at first sign-in). "
                + "422 { rows, errors: [{ row, column, code, message }] }; 413 file-too-large; 403 forbidden.")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.XlsxContentType);
        return api;
    }

    private static async Task<IResult> ImportAsync(bool? dryRun, HttpContext context, BulkAccounts bulk, IOptions<ImportOptions> options, CancellationToken cancellationToken)
    {
        var upload = await FileUploads.ReadAsync(context, options.Value.MaxFileBytes, ImportEndpoints.TooLarge, cancellationToken);
        if (!upload.Read)
        {
            return upload.Problem;
        }

        var outcome = await bulk.ImportAsync(ApiCaller.Of(context), upload.Bytes, dryRun == true, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ApiProblems.Refusal(outcome.Error);
        }

        var report = outcome.Value;
        var rows = report.Rows.Select(r => new UserImportRowDto(r.Row, r.UserName, r.FullName, r.Position, r.Role, r.UnitName, r.Phone, r.Email)).ToList();
        if (report.Issues.Count > 0)
        {
            var culture = CultureInfo.CurrentUICulture;
            var errors = report.Issues.Select(i => new UserImportErrorDto(i.Row, i.Column, i.ApiCode, i.Describe(culture))).ToList();
            return TypedResults.Problem(
                detail: Ui.F(ApiText.ImportRefused, errors.Count),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: ApiText.ImportRefusedTitle,
                extensions: new Dictionary<string, object?> { ["code"] = "import-refused", ["created"] = false, ["rows"] = rows, ["errors"] = errors });
        }

        if (!report.Created || report.PasswordFile is not { } passwords)
        {
            return TypedResults.Ok(new UserImportResponse(false, rows, []));
        }

        // The passwords exist only in this answer: nothing keeps them, so it cannot be fetched a second time.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Accounts-Created"] = rows.Count.ToString(CultureInfo.InvariantCulture);
        return TypedResults.File(passwords, AppendixEndpoints.XlsxContentType, PasswordFileName);
    }
}

public sealed record UserImportRowDto(int Row, string UserName, string? FullName, string? Position, string Role, string? UnitName, string? Phone, string? Email);

public sealed record UserImportErrorDto(int? Row, string? Column, string Code, string Message);

public sealed record UserImportResponse(bool Created, IReadOnlyList<UserImportRowDto> Rows, IReadOnlyList<UserImportErrorDto> Errors);
