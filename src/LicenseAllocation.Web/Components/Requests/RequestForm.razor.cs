using System.Globalization;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Requests;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Components.Needs;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Requests;

/// <summary>
/// The units the caller may ask for (those of their scope that have a parent to ask), each with its quantity, need and
/// coverage; a quantity that does not parse is sent as 0, so the officer reads the service's own refusal.
/// </summary>
public partial class RequestForm
{
    private readonly ServiceCall _call = new();
    private IReadOnlyList<CoverageLine>? _units;
    private int _unitId;
    private string? _quantity;
    private string? _justification;
    private PlanContext? _loadedFor;

    [Inject]
    private CoverageQuery Coverage { get; set; } = default!;

    [Inject]
    private RequestService Requests { get; set; } = default!;

    [Inject]
    private IStringLocalizer<RequestTexts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    [Parameter]
    public EventCallback<RequestView> OnSubmitted { get; set; }

    private CoverageLine? Chosen => _units?.FirstOrDefault(u => u.UnitId == _unitId);

    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_loadedFor, Plan))
        {
            return;
        }

        _loadedFor = Plan;
        await LoadUnitsAsync();
    }

    /// <summary>Reads the units' figures again (after a decision moved a quantity).</summary>
    public async Task LoadUnitsAsync()
    {
        var report = await Coverage.GetAsync(Plan.Caller, Plan.Plan.Id);
        _units = report.Succeeded ? [.. report.Value.Items.Where(l => l.ParentUnitId is not null)] : [];
        if (Chosen is null)
        {
            _unitId = _units.Count > 0 ? _units[0].UnitId : 0;
        }

        StateHasChanged();
    }

    private void UnitChosen(ChangeEventArgs e) =>
        _unitId = int.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private string FiguresText(CoverageLine line) => line.Subtree.NeedsStated == 0
        ? Loc[nameof(RequestTexts.UnitFiguresNoNeed), Ui.N(line.Subtree.Allocated)]
        : Loc[nameof(RequestTexts.UnitFigures), Ui.N(line.Subtree.Allocated), Ui.N(line.Subtree.Need), CoverageText.Percent(line.Subtree.CoveragePercent)];

    private async Task SubmitAsync()
    {
        var quantity = int.TryParse(_quantity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? asked : 0;
        var (succeeded, request) = await _call.RunAsync(() => Requests.SubmitAsync(Plan.Caller, new SubmitRequest(Plan.Plan.Id, _unitId, quantity, _justification)));
        if (succeeded)
        {
            (_quantity, _justification) = (null, null);
            await OnSubmitted.InvokeAsync(request!);
        }
    }
}
