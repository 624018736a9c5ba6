using System.Globalization;
using System.Threading.RateLimiting;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Web.Api;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Web.Security;

/// <summary>One fixed window: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> seconds.</summary>
public sealed class RateLimitWindow
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;

    internal FixedWindowRateLimiterOptions ToLimiterOptions() => new()
    {
        PermitLimit = Math.Max(1, PermitLimit),
        Window = TimeSpan.FromSeconds(Math.Max(1, WindowSeconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>
/// <c>RateLimits:*</c>: how many sign-in attempts an address and a user name may make, and how many changes a signed-in
/// user may send to the API, per window. A request over a limit is answered 429 <c>too-many-requests</c> with
/// <c>Retry-After</c>, before any password is hashed or any row is written.
/// </summary>
public sealed class PortalRateLimits
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (token endpoint and sign-in form together) from one client address.</summary>
    public RateLimitWindow SignInPerIp { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Sign-in attempts for one user name, from anywhere: what a password guesser spreading over addresses meets.</summary>
    public RateLimitWindow SignInPerUserName { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>API changes (POST, PUT, PATCH, DELETE) by one signed-in user; generous for people, a ceiling for scripts.</summary>
    public RateLimitWindow WritesPerUser { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };
}

internal static class PortalRateLimiting
{
    public const string TooManyRequests = "too-many-requests";

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortalRateLimits>(configuration.GetSection(PortalRateLimits.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PortalRateLimits>>((options, limits) =>
        {
            var settings = limits.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
            options.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(settings.SignInPerIp.WindowSeconds);
                return new ValueTask(WriteTooManyRequestsAsync(rejected.HttpContext, retryAfter));
            };
        });
        return services;
    }

    /// <summary>429 problem details with code <c>too-many-requests</c> and <c>Retry-After</c> in whole seconds.</summary>
    public static Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = RetryAfterSeconds(retryAfter);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, TooManyRequests, RefusalMessages.OfCode(TooManyRequests, CultureInfo.CurrentUICulture, seconds))
            .ExecuteAsync(context);
    }

    public static int RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    /// <summary>Sign-in requests by client address; API changes by user; everything else unlimited.</summary>
    private static RateLimitPartition<string> Partition(HttpContext context, PortalRateLimits settings)
    {
        var request = context.Request;
        if (IsSignIn(request))
        {
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter("sign-in|" + address, _ => settings.SignInPerIp.ToLimiterOptions());
        }

        if (IsWrite(request.Method) && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && context.User.Identity is { IsAuthenticated: true, Name: { } user })
        {
            return RateLimitPartition.GetFixedWindowLimiter("write|" + user, _ => settings.WritesPerUser.ToLimiterOptions());
        }

        return RateLimitPartition.GetNoLimiter(string.Empty);
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/api/v1/auth/token", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase));

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
}
