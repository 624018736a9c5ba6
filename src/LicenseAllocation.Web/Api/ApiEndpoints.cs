namespace LicenseAllocation.Web.Api;

internal static class ApiEndpoints
{
    /// <summary>Everything under <c>/api/v1</c> needs a signed-in caller, except the token endpoint itself.</summary>
    public static void MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().RequireCaller().WithTags("v1");
        api.MapAuthEndpoints();
        api.MapPlanEndpoints();
        api.MapPlanLifecycleEndpoints();
        api.MapComparisonEndpoints();
        api.MapAppendixEndpoints();
        api.MapDecisionEndpoints();
        api.MapExportEndpoints();
        api.MapUnitEndpoints();
        api.MapUserEndpoints();
        api.MapImportEndpoints();
        api.MapAuditEndpoints();
        api.MapNeedEndpoints();
        api.MapPurchaseEndpoints();
        api.MapRequestEndpoints();
        api.MapTransferEndpoints();
        api.MapNotificationEndpoints();
        api.MapReorganisationEndpoints();
        api.MapReorganisationImportEndpoints();
        api.MapDeploymentEndpoints();
        app.MapHealthEndpoint();
    }
}
