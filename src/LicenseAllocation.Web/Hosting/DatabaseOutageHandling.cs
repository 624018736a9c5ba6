using System.Globalization;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Web.Api;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Web.Hosting;

/// <summary>
/// A request that fails because the database is down is answered 503 with problem details, code
/// <c>database-unavailable</c>, its sentence in the caller's language and a <c>Retry-After</c>, instead of a 500.
/// Nothing needs undoing: each operation is one transaction, rolled back with the connection it lost. When the
/// database is back, the next request opens a fresh connection (the pool drops the broken ones) and succeeds.
/// </summary>
internal static class DatabaseOutageHandling
{
    public const int RetryAfterSeconds = 5;

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static IApplicationBuilder UseDatabaseOutageAnswers(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            if (!DatabaseOutage.Is(exception) && !await IsUnreachableAsync(context))
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
            }

            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutageHandling))
                .LogWarning(exception, "The database did not answer {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

            // The localisation middleware ran inside this one: its culture did not flow back out with the exception.
            if (context.Features.Get<IRequestCultureFeature>() is { } culture)
            {
                CultureInfo.CurrentCulture = culture.RequestCulture.Culture;
                CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
            }

            await ApiProblems.Refusal(AllocationError.DatabaseUnavailable()).ExecuteAsync(context);
        }
    });

    // A server going away surfaces as many exception types (a connection closed mid-command, a pool being reset, an
    // operation the driver no longer allows); whatever failed, while the database does not answer it is an outage.
    private static async Task<bool> IsUnreachableAsync(HttpContext context)
    {
        try
        {
            using var timeout = new CancellationTokenSource(ProbeTimeout);
            var contexts = context.RequestServices.GetRequiredService<IDbContextFactory<AllocationDbContext>>();
            await using var db = await contexts.CreateDbContextAsync(timeout.Token);
            return !await db.Database.CanConnectAsync(timeout.Token);
        }
        catch (Exception probe) when (DatabaseOutage.Is(probe) || probe is OperationCanceledException)
        {
            return true;
        }
    }
}
