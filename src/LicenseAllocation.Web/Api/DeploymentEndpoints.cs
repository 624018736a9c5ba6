using System.Globalization;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Import;
using Microsoft.Extensions.Options;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

internal static class DeploymentEndpoints
{
    public static RouteGroupBuilder MapDeploymentEndpoints(this RouteGroupBuilder api)
    {
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<DeploymentOptions>>().Value;
        api.MapGet("/deployments/mappings", ListMappingsAsync).WithName("ListDeploymentMappings")
            .WithSummary("The column mappings of console reports: the presets (Kaspersky Security Center, ESET PROTECT) and the saved ones. Administrator and auditor.");
        api.MapPut("/deployments/mappings/{name}", SaveMappingAsync).WithName("SaveDeploymentMapping")
            .WithSummary("Saves a column mapping { columns: { deviceId, deviceName, group, product, version?, lastSeen?, active? }, delimiter?, encoding? }. Administrator; 422 mapping-invalid | mapping-built-in.");
        api.MapPost("/deployments/mappings/{name}/rename", RenameMappingAsync).WithName("RenameDeploymentMapping")
            .WithSummary("Renames a saved column mapping { name }. Administrator; 422 mapping-not-found | mapping-built-in | mapping-name-taken | mapping-invalid.");
        api.MapDelete("/deployments/mappings/{name}", DeleteMappingAsync).WithName("DeleteDeploymentMapping")
            .WithSummary("Deletes a saved column mapping (snapshots read with it keep its name); 204. Administrator; 422 mapping-not-found | mapping-built-in.");
        api.MapGet("/deployments/groups", ListGroupsAsync).WithName("ListDeploymentGroups")
            .WithSummary("Console groups with the unit each is mapped to today (?on=yyyy-MM-dd another day), a suggested unit when unmapped, and their devices in the latest snapshot.");
        api.MapPut("/deployments/groups", SaveGroupsAsync).WithName("SaveDeploymentGroups")
            .WithSummary("Maps groups to units { items: [{ group, unitId }], validFrom? } from validFrom (today) on; unitId null unmaps. Administrator.");
        api.MapPost("/plans/{planId:int}/deployments/imports", ImportAsync).WithName("ImportDeploymentReport")
            .AcceptsFileUpTo(limits.MaxFileBytes)
            .WithSummary("Imports a console report (multipart 'file', 'mapping', 'takenOn') as a dated snapshot; ?dryRun=true reads only. "
                + "201 { snapshotId, devices, duplicates, refused: [{ row, code, reason }], unmappedGroups: [{ group, devices }] }; 422; 413 file-too-large. Administrator.");
        api.MapGet("/plans/{planId:int}/deployment", GetPictureAsync).WithName("GetDeployment")
            .WithSummary("Per unit (?unitId for a subtree) at a snapshot (?snapshotId, the latest by default): installed, stale, otherProduct, outdated, licensed, usePercent, band and the subtree's.");
        api.MapGet("/plans/{planId:int}/deployment.xlsx", DownloadPictureAsync).WithName("DownloadDeployment").OneExportAtATime()
            .WithSummary("The deployment picture as an Excel report (Decree 30 print setup).")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.XlsxContentType);
        return api;
    }

    private static async Task<IResult> ListMappingsAsync(HttpContext context, DeploymentMappings mappings, CancellationToken ct)
    {
        var result = await mappings.ListAsync(ApiCaller.Of(context), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.Select(MappingDto.From).ToList()) : Problem(result.Refusal, result.Issue);
    }

    private static async Task<IResult> SaveMappingAsync(string name, MappingRequest? body, HttpContext context, DeploymentMappings mappings, CancellationToken ct)
    {
        if (body?.Columns is null)
        {
            return Problem(null, new DeploymentIssue(DeploymentErrorCode.MappingInvalid) { Limit = ConsoleMapping.MaxHeaderLength });
        }

        var result = await mappings.SaveAsync(ApiCaller.Of(context), name, body.Columns.ToColumns(), body.Delimiter, body.Encoding, ct);
        return result.Succeeded ? TypedResults.Ok(MappingDto.From(result.Value!)) : Problem(result.Refusal, result.Issue);
    }

    private static async Task<IResult> RenameMappingAsync(string name, RenameMappingRequest? body, HttpContext context, DeploymentMappings mappings, CancellationToken ct)
    {
        var result = await mappings.RenameAsync(ApiCaller.Of(context), name, body?.Name ?? string.Empty, ct);
        return result.Succeeded ? TypedResults.Ok(MappingDto.From(result.Value!)) : Problem(result.Refusal, result.Issue);
    }

    private static async Task<IResult> DeleteMappingAsync(string name, HttpContext context, DeploymentMappings mappings, CancellationToken ct)
    {
        var result = await mappings.DeleteAsync(ApiCaller.Of(context), name, ct);
        return result.Succeeded ? TypedResults.NoContent() : Problem(result.Refusal, result.Issue);
    }

    private static async Task<IResult> ListGroupsAsync(DateOnly? on, HttpContext context, DeploymentGroups groups, CancellationToken ct)
    {
        var result = await groups.ListAsync(ApiCaller.Of(context), on, ct: ct);
        return result.Succeeded
            ? TypedResults.Ok(result.Value!.Select(g => new GroupDto(g.Group, g.UnitId, g.UnitName, g.ValidFrom, g.SuggestedUnitId, g.SuggestedUnitName, g.Devices)).ToList())
            : Problem(result.Refusal, result.Issue);
    }

    private static async Task<IResult> SaveGroupsAsync(GroupsRequest? body, HttpContext context, DeploymentGroups groups, CancellationToken ct)
    {
        var items = body?.Items?.Select(i => new GroupAssignment(i.Group, i.UnitId)).ToList() ?? [];
        var result = await groups.SaveAsync(ApiCaller.Of(context), items, body?.ValidFrom, ct);
        return result.Succeeded ? TypedResults.Ok(new { saved = result.Value }) : Problem(result.Refusal, result.Issue);
    }

    private static async Task<IResult> ImportAsync(int planId, bool? dryRun, HttpContext context, DeploymentImports imports, IOptions<DeploymentOptions> options, CancellationToken ct)
    {
        var upload = await FileUploads.ReadAsync(context, options.Value.MaxFileBytes, issue => Problem(null, DeploymentIssue.OfFile(issue)), ct);
        if (!upload.Read)
        {
            return upload.Problem;
        }

        var takenOn = ParseDay(upload.Form["takenOn"].ToString());
        var result = await imports.ImportAsync(ApiCaller.Of(context), new DeploymentImportRequest(planId, upload.Bytes, upload.Form["mapping"].ToString(), takenOn), dryRun == true, ct);
        if (!result.Succeeded)
        {
            return Problem(result.Refusal, result.Issue);
        }

        var response = DeploymentImportResponse.From(result.Value!);
        return dryRun == true
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/v1/plans/{planId}/deployment?snapshotId={response.SnapshotId}", response);
    }

    private static async Task<IResult> GetPictureAsync(int planId, int? snapshotId, int? unitId, HttpContext context, DeploymentPicture pictures, CancellationToken ct)
    {
        var result = await pictures.GetAsync(ApiCaller.Of(context), planId, snapshotId, unitId, ct);
        return result.Succeeded ? TypedResults.Ok(DeploymentResponse.From(result.Value!)) : Problem(result.Refusal, result.Issue);
    }

    private static async Task<IResult> DownloadPictureAsync(int planId, int? snapshotId, int? unitId, HttpContext context, DeploymentPicture pictures, CancellationToken ct)
    {
        var result = await pictures.GetAsync(ApiCaller.Of(context), planId, snapshotId, unitId, ct);
        if (!result.Succeeded)
        {
            return Problem(result.Refusal, result.Issue);
        }

        var workbook = new MemoryStream();
        DeploymentWorkbook.Write(result.Value!, workbook);
        workbook.Position = 0;
        return TypedResults.File(workbook, AppendixEndpoints.XlsxContentType, $"bao-cao-cai-dat-ke-hoach-{planId}-{result.Value!.Snapshot.TakenOn:yyyy-MM-dd}.xlsx");
    }

    /// <summary>yyyy-MM-dd or dd/MM/yyyy.</summary>
    internal static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static IResult Problem(Domain.Allocations.AllocationError? refusal, DeploymentIssue? issue)
    {
        if (refusal is not null)
        {
            return ApiProblems.Refusal(refusal);
        }

        var status = issue!.FileIssue?.Code == ImportErrorCode.FileTooLarge ? StatusCodes.Status413PayloadTooLarge
            : issue.Code == DeploymentErrorCode.SnapshotNotFound ? StatusCodes.Status404NotFound
            : StatusCodes.Status422UnprocessableEntity;
        return TypedResults.Problem(
            detail: DeploymentMessages.Describe(issue, CultureInfo.CurrentUICulture),
            statusCode: status,
            title: status == StatusCodes.Status413PayloadTooLarge ? ApiText.FileTooLargeTitle : ApiText.ImportRefusedTitle,
            extensions: new Dictionary<string, object?> { ["code"] = issue.ApiCode, ["row"] = issue.Row });
    }
}
