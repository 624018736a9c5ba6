using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Web.Hosting;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Controls;

public partial class PlanFrame
{
    private PlanContext? _context;
    private string? _problem;

    [Inject]
    private PlanQueries Plans { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public RenderFragment<PlanContext> ChildContent { get; set; } = default!;

    /// <summary>Raised once the plan is read (first time and on every reload), for pages that load more with it.</summary>
    [Parameter]
    public EventCallback<PlanContext> OnLoaded { get; set; }

    [Parameter]
    public string ProblemTestId { get; set; } = "plan-problem";

    // The page re-renders the frame whenever its own state changes; the plan is read again only for another plan or
    // another signed-in state, or when the page asks (ReloadAsync after a change).
    protected override async Task OnParametersSetAsync()
    {
        var signedIn = await ResolveCallerAsync();
        if (_context is not null && _context.Plan.Id == PlanId && _context.Caller == signedIn)
        {
            return;
        }

        _context = null;
        await ReloadAsync();
    }

    /// <summary>Reads the plan again (after a change moved its figures or status).</summary>
    public async Task ReloadAsync()
    {
        var caller = await ResolveCallerAsync();
        if (caller is null)
        {
            (_context, _problem) = (null, Text[nameof(Common.NoRole)]);
            return;
        }

        Outcome<PlanSummary> plan;
        try
        {
            plan = await Plans.GetAsync(caller, PlanId);
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception))
        {
            (_context, _problem) = (null, Ui.Refusal(AllocationError.DatabaseUnavailable()));
            return;
        }

        if (!plan.Succeeded)
        {
            (_context, _problem) = (null, Ui.Refusal(plan.Error));
            return;
        }

        (_context, _problem) = (new PlanContext(plan.Value, caller), null);
        await OnLoaded.InvokeAsync(_context);
    }
}
