using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Web.Api;

/// <summary>A plan and its life cycle: read it, publish it, amend it, copy it, describe its product.</summary>
internal static class PlanLifecycleEndpoints
{
    public static RouteGroupBuilder MapPlanLifecycleEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{planId:int}", GetAsync).WithName("GetPlan")
            .WithSummary("One plan: figures, status (Draft | Published | Superseded), version, the plan it amends, product, letter, appendix SHA-256.");
        api.MapGet("/plans/{planId:int}/progress", GetProgressAsync).WithName("GetPlanProgress")
            .WithSummary("What is still open below each level: licences allocating units hold but have not handed on { notHandedOn, districts, districtsOpen, openBelow: [{ unitId, name, remaining }] }, within the caller's scope.");
        api.MapPost("/plans/{planId:int}/publish", PublishAsync).WithName("PublishPlan")
            .WithSummary("Publishes a draft under its letter { documentNumber, documentDate (yyyy-MM-dd), signer }, locks it and freezes its appendix. 400 document-number-required | document-date-required | invalid-date | signer-required; 409 plan-locked.");
        api.MapPost("/plans/{planId:int}/amendments", AmendAsync).WithName("AmendPlan")
            .WithSummary("Creates the next version of a published plan as a draft with the same units and figures. 201 with the plan; 409 plan-not-published | amendment-exists.");
        api.MapPost("/plans/{planId:int}/copies", CopyAsync).WithName("CopyPlan")
            .WithSummary("Starts a new plan { name, year } with the same tree and figures, not linked as an amendment. 201 with the plan; 400 invalid-plan-name | invalid-year; 409 duplicate-plan.");
        api.MapPut("/plans/{planId:int}/product", DescribeProductAsync).WithName("DescribePlanProduct")
            .WithSummary("Sets the product { productName, vendor, licenceTermStart, licenceTermEnd } (draft or published plan). 400 invalid-product-name | invalid-vendor | invalid-licence-term | invalid-date; 409 plan-locked (superseded).");
        return api;
    }

    private static async Task<IResult> GetAsync(int planId, HttpContext context, PlanQueries plans, CancellationToken cancellationToken)
    {
        var outcome = await plans.GetAsync(ApiCaller.Of(context), planId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(PlanDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> GetProgressAsync(int planId, HttpContext context, PlanProgressQuery progress, CancellationToken cancellationToken)
    {
        var outcome = await progress.GetAsync(ApiCaller.Of(context), planId, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(PlanProgressDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> PublishAsync(
        int planId, PublishPlanRequest request, HttpContext context, PlanPublication publication, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);

        // Who may is answered before what was sent is read.
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return ApiProblems.Refusal(AllocationError.Forbidden());
        }

        if (!ApiDates.TryParse(request.DocumentDate, out var date))
        {
            return ApiDates.Invalid("documentDate");
        }

        var outcome = await publication.PublishAsync(caller, new PublishPlan(planId, request.DocumentNumber, date, request.Signer), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(PlanDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> AmendAsync(int planId, HttpContext context, PlanVersions versions, CancellationToken cancellationToken)
    {
        var outcome = await versions.CreateAmendmentAsync(ApiCaller.Of(context), planId, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/plans/{outcome.Value.Id}", PlanDto.From(outcome.Value))
            : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> CopyAsync(int planId, CopyPlanRequest request, HttpContext context, PlanVersions versions, CancellationToken cancellationToken)
    {
        var outcome = await versions.CopyAsync(ApiCaller.Of(context), new CopyPlan(planId, request.Name, request.Year ?? 0), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/plans/{outcome.Value.Id}", PlanDto.From(outcome.Value))
            : ApiProblems.Refusal(outcome.Error);
    }

    private static async Task<IResult> DescribeProductAsync(
        int planId, ProductDetailsRequest request, HttpContext context, PlanProduct product, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return ApiProblems.Refusal(AllocationError.Forbidden());
        }

        if (!ApiDates.TryParse(request.LicenceTermStart, out var start))
        {
            return ApiDates.Invalid("licenceTermStart");
        }

        if (!ApiDates.TryParse(request.LicenceTermEnd, out var end))
        {
            return ApiDates.Invalid("licenceTermEnd");
        }

        var outcome = await product.DescribeAsync(caller, new ProductDetails(planId, request.ProductName, request.Vendor, start, end), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(PlanDto.From(outcome.Value)) : ApiProblems.Refusal(outcome.Error);
    }
}
