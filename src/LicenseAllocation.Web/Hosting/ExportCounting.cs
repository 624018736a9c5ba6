using LicenseAllocation.Application.Common;

namespace LicenseAllocation.Web.Hosting;

/// <summary>Counts each workbook handed out (a 200 answer to a <c>.xlsx</c> address), by the endpoint's name: <c>DownloadAppendix</c>, <c>DownloadDistricts</c>…</summary>
internal static class ExportCounting
{
    public static IApplicationBuilder UseExportCounting(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status200OK
            && context.Request.Path.Value?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true)
        {
            var name = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "workbook";
            context.RequestServices.GetRequiredService<PortalMetrics>().Export(name);
        }
    });
}
