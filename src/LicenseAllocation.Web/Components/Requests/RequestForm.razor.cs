using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Requests;
using LicenseAllocation.Web.Components.Needs;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Requests;

/// <summary>
/// The units the caller may ask for (those of their scope that have a parent to ask), each with its quantity, need and
/// coverage; the request goes through <see cref="RequestService.SubmitAsync"/>, whose refusals are shown as it words them.
/// </summary>
public partial class RequestForm
{
    private string? _quantity;
    private string? _justification;

    [Inject]
    private CoverageQuery Coverage { get; set; } = default!;

    [Inject]
    private RequestService Requests { get; set; } = default!;

    [Inject]
    private IStringLocalizer<RequestTexts> Loc { get; set; } = default!;

    [Parameter]
    public EventCallback<RequestView> OnSubmitted { get; set; }

    protected override int IdOf(CoverageLine unit) => unit.UnitId;

    protected override async Task<IReadOnlyList<CoverageLine>> ReadUnitsAsync()
    {
        var report = await Coverage.GetAsync(Plan.Caller, Plan.Plan.Id);
        return report.Succeeded ? [.. report.Value.Items.Where(l => l.ParentUnitId is not null)] : [];
    }

    private string FiguresText(CoverageLine line) => line.Subtree.NeedsStated == 0
        ? Loc[nameof(RequestTexts.UnitFiguresNoNeed), Ui.N(line.Subtree.Allocated)]
        : Loc[nameof(RequestTexts.UnitFigures), Ui.N(line.Subtree.Allocated), Ui.N(line.Subtree.Need), CoverageText.Percent(line.Subtree.CoveragePercent)];

    private async Task SubmitAsync()
    {
        var quantity = Number(_quantity);
        var (succeeded, request) = await Call.RunAsync(() => Requests.SubmitAsync(Plan.Caller, new SubmitRequest(Plan.Plan.Id, ChosenId, quantity, _justification)));
        if (succeeded)
        {
            (_quantity, _justification) = (null, null);
            await OnSubmitted.InvokeAsync(request!);
        }
    }
}
