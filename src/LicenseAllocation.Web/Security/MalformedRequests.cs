using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Web.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace LicenseAllocation.Web.Security;

/// <summary>
/// A request the portal cannot read (a body that ends inside a multipart section, a header or form over its limits,
/// an address with control characters) is the sender's mistake: it is answered with problem details, status 400
/// (or the status the server chose, such as 413) and code <c>invalid-request</c>, never with the HTML error page.
/// An unexpected failure of an API call is answered 500 as problem details too.
/// </summary>
internal sealed class MalformedRequests(ILogger<MalformedRequests> logger) : IExceptionHandler
{
    public const string Code = "invalid-request";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException or FormatException => StatusCodes.Status400BadRequest,
            IOException when httpContext.Request.HasFormContentType => StatusCodes.Status400BadRequest,
            _ => (int?)null,
        };
        if (status is { } malformed)
        {
            logger.LogWarning("{Method} {Path} refused as malformed: {Problem}", httpContext.Request.Method, LogText.Safe(httpContext.Request.Path.Value),
                LogText.Safe(exception.Message));
            await WriteAsync(httpContext, malformed);
            return true;
        }

        if (httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: Resources.Api.RequestRefused).ExecuteAsync(httpContext);
            return true;
        }

        return false;
    }

    /// <summary>Refuses, before anything else reads it, a request whose address holds control characters.</summary>
    public static bool HasControlCharacters(HttpRequest request) =>
        request.Path.HasValue && request.Path.Value.Any(char.IsControl);

    public static Task WriteAsync(HttpContext context, int status) =>
        ApiProblems.Problem(status, Code, RefusalMessages.OfCode(Code, CultureInfo.CurrentUICulture)).ExecuteAsync(context);
}
