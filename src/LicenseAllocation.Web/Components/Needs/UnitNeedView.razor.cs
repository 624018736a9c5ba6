using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Needs;

/// <summary>Reads the unit's coverage and purchases for the plan its page's frame loaded, again after every change made here.</summary>
public partial class UnitNeedView
{
    private CoverageLine? _line;
    private IReadOnlyList<PurchaseView> _purchases = [];
    private string? _problem;
    private int _splitVersion;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Inject]
    private CoverageQuery Coverage { get; set; } = default!;

    [Inject]
    private PurchaseService Purchases { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Needs> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public int UnitId { get; set; }

    private int PlanId => Plan.Plan.Id;

    /// <summary>Needs and purchases change while the plan is a draft, by the unit's own officers.</summary>
    private bool CanWrite => Plan.Plan.IsOpen && AccessPolicy.CanStateNeed(Plan.Caller, UnitId, withinScope: true);

    private string? LockedText => !Plan.Plan.IsOpen && AccessPolicy.MayStateNeeds(Plan.Caller) ? Loc[nameof(Resources.Needs.LockedExplanation)].Value : null;

    private int? CurrentNeed => _line is { Own.NeedsStated: > 0 } ? _line.Own.Need : null;

    private string StatedText => _line is { NeedStatedBy: { } by, NeedStatedAtUtc: { } at }
        ? Loc[nameof(Resources.Needs.NeedStatedBy), Ui.N(_line.Own.Need), by, Ui.DT(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)))]
        : Loc[nameof(Resources.Needs.NoNeedStated)];

    private IReadOnlyList<Figure> OwnFigures => FiguresOf(_line!.Own, "own");

    private IReadOnlyList<Figure> SubtreeFigures => FiguresOf(_line!.Subtree, "subtree");

    private IReadOnlyList<Figure> FiguresOf(Domain.Needs.CoverageFigures f, string prefix) =>
    [
        new(Loc[nameof(Resources.Needs.Need)], f.Need, $"{prefix}-need"),
        new(Loc[nameof(Resources.Needs.Allocated)], f.Allocated, $"{prefix}-allocated"),
        new(Loc[nameof(Resources.Needs.SelfPurchased)], f.SelfPurchased, $"{prefix}-self"),
        new(Loc[nameof(Resources.Needs.Shortfall)], f.Shortfall, $"{prefix}-shortfall", Attention: f.Shortfall > 0, Note: CoverageText.Percent(f.CoveragePercent)),
    ];

    protected override async Task LoadForPlanAsync()
    {
        _breadcrumbs =
        [
            new(Text[nameof(Common.AllocationPlan)], $"/plans/{PlanId}"),
            new(Loc[nameof(Resources.Needs.CoverageTitle)], $"/plans/{PlanId}/coverage"),
            new(Loc[nameof(Resources.Needs.UnitNeedTitle)], null, disabled: true),
        ];
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var lines = await Coverage.ForUnitsAsync(Plan.Caller, PlanId, [UnitId]);
        if (!lines.Succeeded || !lines.Value.TryGetValue(UnitId, out var line))
        {
            // Not a unit of the plan, or not the caller's: the subtree query says which.
            var error = !lines.Succeeded ? lines.Error
                : await Coverage.GetAsync(Plan.Caller, PlanId, UnitId) is { Succeeded: false } why ? why.Error
                : Domain.Allocations.AllocationError.NotFound();
            (_line, _problem) = (null, Ui.Refusal(error));
            return;
        }

        var purchases = await Purchases.ListAsync(Plan.Caller, PlanId, UnitId);
        (_line, _purchases, _problem) = (line, purchases.Succeeded ? purchases.Value : [], null);
    }

    private async Task NeedSavedAsync(CoverageLine line)
    {
        Snackbar.Add(Loc[nameof(Resources.Needs.NeedSaved), Ui.N(line.Own.Need)], Severity.Success);
        _line = line;
        _splitVersion++;
        await LoadAsync();
    }

    private async Task PurchaseRecordedAsync(PurchaseView purchase)
    {
        Snackbar.Add(Loc[nameof(Resources.Needs.PurchaseRecorded), Ui.N(purchase.Quantity)], Severity.Success);
        _splitVersion++;
        await LoadAsync();
    }

    private async Task SplitAppliedAsync(int changed)
    {
        Snackbar.Add(Loc[nameof(Resources.Needs.SplitApplied), Ui.N(changed)], Severity.Success);
        await LoadAsync();
    }
}
