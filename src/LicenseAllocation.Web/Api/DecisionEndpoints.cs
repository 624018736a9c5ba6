using LicenseAllocation.Application.Decisions;

namespace LicenseAllocation.Web.Api;

/// <summary>Decisions by level: the province's letter, its detailed allocation, each district's own decision.</summary>
internal static class DecisionEndpoints
{
    public static RouteGroupBuilder MapDecisionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{planId:int}/decisions", ListAsync).WithName("ListDecisions")
            .WithSummary("Every level's decision the caller reads: [{ issuingUnitId, issuingUnitName, issuingUnitKind, status (Draft | Published | Superseded), version, documentNumber, documentDate, signer, issuingBody, publishedAt, appendixSha256, coveredUnits, quantity, remaining, openBelow }]. The root's entry is the province's letter.");
        api.MapPost("/plans/{planId:int}/decisions/{issuingUnitId:int}/publish", PublishAsync).WithName("PublishDecision")
            .WithSummary("Publishes the unit's decision over the level below it { documentNumber, documentDate (yyyy-MM-dd), signer, issuingBody? } and freezes exactly the figures it covers; the root's is the plan's letter (as POST /plans/{planId}/publish). 200 { decision, openBelow: [{ unitId, name, remaining }] }; 400 document-number-required | document-date-required | invalid-date | signer-required; 403 forbidden | out-of-scope; 409 decision-not-ready (the level above first) | decision-locked (already published) | plan-locked.");
        api.MapPost("/plans/{planId:int}/decisions/{issuingUnitId:int}/amend", AmendAsync).WithName("AmendDecision")
            .WithSummary("Opens a published level again to prepare the next version of its decision; the published one stays in force until then. 409 decision-not-published | plan-locked.");
        api.MapGet("/plans/{planId:int}/decisions/{issuingUnitId:int}/appendix.xlsx", DownloadAsync).WithName("DownloadDecisionAppendix").OneExportAtATime()
            .WithSummary("The level's appendix as a workbook (Decree 30 layout): while open, as its figures stand and marked \"DỰ THẢO\" (whole-plan readers and the unit's officers); once published, exactly as stored with the decision (every reader).")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.XlsxContentType);
        api.MapGet("/plans/{planId:int}/decisions/{issuingUnitId:int}/appendix.pdf", DownloadPdfAsync).WithName("DownloadDecisionAppendixPdf").OneExportAtATime()
            .WithSummary("The same appendix as PDF, made from that workbook.")
            .Produces(StatusCodes.Status200OK, contentType: AppendixEndpoints.PdfContentType);
        return api;
    }

    private static async Task<IResult> ListAsync(int planId, HttpContext context, DecisionQueries decisions, CancellationToken cancellationToken)
    {
        var outcome = await decisions.ListAsync(ApiCaller.Of(context), planId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value.Select(DecisionDto.From).ToList()) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> PublishAsync(
        int planId, int issuingUnitId, PublishDecisionRequest request, HttpContext context, DecisionPublication publication, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        // Who may is answered before what was sent is read.
        if (await publication.CheckAccessAsync(caller, planId, issuingUnitId, cancellationToken) is { } denied)
        {
            return ApiProblems.Refusal(denied);
        }

        if (!ApiDates.TryParse(request.DocumentDate, out var date))
        {
            return ApiDates.Invalid("documentDate");
        }

        var outcome = await publication.PublishAsync(
            caller, new PublishDecision(planId, issuingUnitId, request.DocumentNumber, date, request.Signer, request.IssuingBody), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(DecisionPublishedDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> AmendAsync(int planId, int issuingUnitId, HttpContext context, DecisionPublication publication, CancellationToken cancellationToken)
    {
        var outcome = await publication.AmendAsync(ApiCaller.Of(context), planId, issuingUnitId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(DecisionDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> DownloadAsync(int planId, int issuingUnitId, HttpContext context, DecisionAppendixExport appendix, CancellationToken cancellationToken)
    {
        var outcome = await appendix.GetWorkbookAsync(ApiCaller.Of(context), planId, issuingUnitId, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.File(outcome.Value.Content, AppendixEndpoints.XlsxContentType, $"phu-luc-ke-hoach-{planId}-don-vi-{issuingUnitId}.xlsx")
            : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> DownloadPdfAsync(int planId, int issuingUnitId, HttpContext context, DecisionAppendixExport appendix, CancellationToken cancellationToken)
    {
        var outcome = await appendix.GetPdfAsync(ApiCaller.Of(context), planId, issuingUnitId, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.File(outcome.Value, AppendixEndpoints.PdfContentType, $"phu-luc-ke-hoach-{planId}-don-vi-{issuingUnitId}.pdf")
            : ApiProblems.Refusal(outcome.Error);
    }
}
