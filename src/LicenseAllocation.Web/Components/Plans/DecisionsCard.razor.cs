using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Plans;

/// <summary>
/// Lists the levels of a plan the caller reads (or one level, with <see cref="IssuingUnitId"/>), each with its decision's
/// status, document and appendix, and the actions the caller may take; says in one line how far the levels are decided.
/// </summary>
public sealed partial class DecisionsCard
{
    private List<LevelDecisionView>? _levels;

    /// <summary>Up to this many levels (a province's own, with its districts) every row is drawn; past it only those in view.</summary>
    private const int PlainRowLimit = 40;

    /// <summary>The height of a row in pixels, for the virtualized list.</summary>
    private const float RowHeight = 49;

    [Inject]
    private DecisionQueries Decisions { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    /// <summary>Only this unit's level (a district's workspace); every readable level when null.</summary>
    [Parameter]
    public int? IssuingUnitId { get; set; }

    [Parameter]
    public bool PlanOpen { get; set; } = true;

    /// <summary>Raised after a level was published or opened again: the figures' locks changed.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    /// <summary>The level shown when <see cref="IssuingUnitId"/> is set, once read.</summary>
    public LevelDecisionView? Level => _levels is { Count: 1 } one && IssuingUnitId is not null ? one[0] : null;

    /// <summary>The levels as the page has already read them; the card reads them itself when null.</summary>
    [Parameter]
    public IReadOnlyList<LevelDecisionView>? Levels { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (Levels is { } given)
        {
            Show(given);
            return;
        }

        await LoadAsync();
    }

    public async Task LoadAsync()
    {
        var levels = await Decisions.ListAsync(Caller, PlanId);
        Show(levels.Succeeded ? levels.Value : []);
    }

    private void Show(IReadOnlyList<LevelDecisionView> levels) =>
        _levels = IssuingUnitId is { } only ? [.. levels.Where(l => l.IssuingUnitId == only)] : [.. levels];

    private async Task ChangedAsync()
    {
        // A page that gave the levels reads them again when told; otherwise the card reads them itself.
        if (Levels is null)
        {
            await LoadAsync();
        }

        await OnChanged.InvokeAsync();
    }

    private string LevelName(LevelDecisionView level) => level switch
    {
        { IsLetter: true } => Loc[nameof(Resources.Plans.LetterLevel), level.IssuingUnitName],
        { IssuingUnitKind: UnitKind.DistrictGroup } => Loc[nameof(Resources.Plans.DetailedAllocationLevel), level.IssuingUnitName],
        _ => level.IssuingUnitName,
    };

    /// <summary>"Đã ban hành 3/14 quyết định; 11 cấp còn mở."</summary>
    private string Progress(IReadOnlyList<LevelDecisionView> levels) =>
        Loc[nameof(Resources.Plans.DecisionsProgress), levels.Count(l => l.Status != PlanStatus.Draft), levels.Count];
}
