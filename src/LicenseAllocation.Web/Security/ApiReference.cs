using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace LicenseAllocation.Web.Security;

/// <summary>
/// The OpenAPI document declares the bearer scheme the token endpoint hands out, and on every operation but the
/// anonymous ones that it needs it, so API tools can sign in. The reference page (Scalar) is at <c>/api/docs</c>, for
/// signed-in users only, under the same content security policy as every page (its scripts carry the nonce).
/// </summary>
internal static class ApiReference
{
    public const string SchemeId = "Bearer";
    public const string Path = "/api/docs";

    public static IServiceCollection AddApiReference(this IServiceCollection services)
    {
        services.Configure<OpenApiOptions>("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "POST /api/v1/auth/token { userName, password } → { accessToken }; send Authorization: Bearer <accessToken>.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (!metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] });
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// The page requires a signed-in user; its script and icon, which Scalar maps as endpoints of their own, are
    /// challenged the same way by <see cref="UseApiReferenceForSignedInUsers"/>.
    /// </summary>
    public static void MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(Path, (options, context) =>
        {
            options.WithTitle("LicenseAllocation API v1");
            options.DefaultFonts = false;
            options.WithNonce(SecurityHeaders.NonceOf(context));
        }).RequireAuthorization();

    public static IApplicationBuilder UseApiReferenceForSignedInUsers(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase),
            docs => docs.Use(async (context, next) =>
            {
                if (context.User.Identity is not { IsAuthenticated: true })
                {
                    await context.ChallengeAsync();
                    return;
                }

                await next(context);
            }));
}
