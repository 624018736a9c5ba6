using System.Diagnostics.CodeAnalysis;
using LicenseAllocation.Application.Import;
using Microsoft.AspNetCore.Mvc;

namespace LicenseAllocation.Web.Api;

/// <summary>What a post of multipart field 'file' brought: the form and the file's bytes, or the problem that answers it instead.</summary>
internal sealed record FileUpload(IFormCollection? Form, byte[]? Bytes, IResult? Problem)
{
    /// <summary>True when the file was read: <see cref="Form"/> and <see cref="Bytes"/> are there, and no <see cref="Problem"/>.</summary>
    [MemberNotNullWhen(true, nameof(Form), nameof(Bytes))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Read => Problem is null;
}

/// <summary>The one way the imports take a file: the request limit, the form's reading and the answers to a missing or too large file.</summary>
internal static class FileUploads
{
    /// <summary>Room for the multipart envelope (and the form's other fields) around the largest file accepted.</summary>
    private const long FormOverhead = 256 * 1024;

    /// <summary>
    /// The form binding's own antiforgery check is off: API callers send a bearer token, and a post signed in by the
    /// cookie must come from the portal's pages with their antiforgery token (CrossSiteRequestGuard, before this).
    /// The request limit sits a little above the largest file, so that a file just over it reaches the handler and
    /// is answered with 413 file-too-large.
    /// </summary>
    public static RouteHandlerBuilder AcceptsFileUpTo(this RouteHandlerBuilder endpoint, long maxFileBytes) =>
        endpoint.DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(maxFileBytes + FormOverhead));

    /// <summary>Reads the form and its field 'file' whole; <paramref name="tooLarge"/> words the answer to a file over <paramref name="maxFileBytes"/>.</summary>
    public static async Task<FileUpload> ReadAsync(HttpContext context, long maxFileBytes, Func<ImportIssue, IResult> tooLarge, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            if (!context.Request.HasFormContentType)
            {
                return Refused(FileRequired());
            }

            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refused(tooLarge(new ImportIssue(ImportErrorCode.FileTooLarge) { Actual = context.Request.ContentLength, Limit = maxFileBytes }));
        }
        catch (InvalidDataException)
        {
            // A multipart body the form reader cannot take apart (a section over its limits, a broken boundary).
            return Refused(FileRequired());
        }
        catch (IOException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // A body that ends inside a section: its boundary never closes.
            return Refused(FileRequired());
        }

        if (form.Files.GetFile("file") is not { } upload)
        {
            return Refused(FileRequired());
        }

        if (upload.Length > maxFileBytes)
        {
            return Refused(tooLarge(new ImportIssue(ImportErrorCode.FileTooLarge) { Actual = upload.Length, Limit = maxFileBytes }));
        }

        var bytes = new byte[upload.Length];
        await using (var stream = upload.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        return new FileUpload(form, bytes, null);
    }

    public static IResult FileRequired() => ApiProblems.Problem(StatusCodes.Status400BadRequest, "file-required", Resources.Api.FileRequired);

    private static FileUpload Refused(IResult problem) => new(null, null, problem);
}
