using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Reorganisations;

public partial class SuccessorWizard
{
    private readonly ServiceCall _call = new();
    private readonly Dictionary<(int OldUnitId, int NewUnitId), LinkDecision> _decisions = [];
    private IReadOnlyList<UnconfirmedLink> _openLinks = [];
    private SuccessorPlanResult? _preview;
    private PlanSummary? _created;
    private ILookup<int, (int NewUnitId, bool Confirmed)> _recorded = Array.Empty<int>().ToLookup(i => i, _ => (0, false));
    private int _reorganisationId;
    private int _planId;
    private string? _name;
    private int _year;
    private string? _reason;

    [Inject]
    private SuccessorPlans Successors { get; set; } = default!;

    [Inject]
    private ReorganisationQueries Queries { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ReorganisationSummary> Reorganisations { get; set; } = [];

    /// <summary>The plans the caller may take figures from.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<PlanSummary> Plans { get; set; } = [];

    [Parameter]
    public int ReorganisationId { get; set; }

    private int OpenCount => _openLinks.Count(l => Decision(l) == LinkDecision.Open);

    private bool Reconciles => _preview is { } p && p.OldTotal == p.CarriedTotal + p.NotPlacedTotal && p.OldTotal == p.NewTotal;

    protected override async Task OnInitializedAsync()
    {
        _reorganisationId = Reorganisations.Any(r => r.Id == ReorganisationId) ? ReorganisationId : (Reorganisations.Count > 0 ? Reorganisations[^1].Id : 0);
        _year = Clock.GetLocalNow().Year;
        var source = DefaultSource();
        _planId = source?.Id ?? 0;
        _name = source?.Name;
        await RestartAsync();
    }

    /// <summary>The latest plan on the structure the reorganisation replaces (for Đồng Tháp: the 2020 plan or its amendment).</summary>
    private PlanSummary? DefaultSource()
    {
        var root = Reorganisations.FirstOrDefault(r => r.Id == _reorganisationId)?.RootUnitId;
        return Plans.Where(p => p.RootUnitId != root).OrderByDescending(p => p.Year).ThenByDescending(p => p.Version).FirstOrDefault()
            ?? (Plans.Count > 0 ? Plans[0] : null);
    }

    private async Task ChooseReorganisationAsync(int id)
    {
        _reorganisationId = id;
        await RestartAsync();
    }

    private async Task ChoosePlanAsync(int id)
    {
        _planId = id;
        await RestartAsync();
    }

    private async Task RestartAsync()
    {
        _decisions.Clear();
        _openLinks = [];
        _preview = null;
        _created = null;
        if (_planId == 0 || _reorganisationId == 0)
        {
            return;
        }

        var (found, details) = await _call.RunAsync(() => Queries.GetAsync(Caller, _reorganisationId));
        if (found)
        {
            _recorded = LinkChoices.Recorded(details!);
            await PreviewAsync();
        }
    }

    private async Task DecideAsync((UnconfirmedLink Link, LinkDecision Decision) choice)
    {
        _decisions[(choice.Link.OldUnitId, choice.Link.NewUnitId)] = choice.Decision;
        await PreviewAsync();
    }

    private async Task ConfirmAllAsync()
    {
        foreach (var link in _openLinks.Where(l => Decision(l) == LinkDecision.Open))
        {
            _decisions[(link.OldUnitId, link.NewUnitId)] = LinkDecision.Confirm;
        }

        await PreviewAsync();
    }

    private async Task PreviewAsync()
    {
        var (succeeded, preview) = await _call.RunAsync(() => Successors.PreviewAsync(Caller, Command()));
        if (!succeeded)
        {
            _preview = null;
            return;
        }

        _preview = preview;
        // The links still open are those the service reports; those already decided stay listed with their decision.
        _openLinks = [.. _openLinks.Concat(preview!.Unconfirmed.Where(u => !_openLinks.Any(o => o.OldUnitId == u.OldUnitId && o.NewUnitId == u.NewUnitId)))];
    }

    private async Task CreateAsync()
    {
        var (succeeded, result) = await _call.RunAsync(() => Successors.CreateAsync(Caller, Command()));
        if (succeeded)
        {
            _created = result!.Plan;
            _preview = result;
        }
    }

    private LinkDecision Decision(UnconfirmedLink link) => _decisions.GetValueOrDefault((link.OldUnitId, link.NewUnitId), LinkDecision.Open);

    private CreateSuccessorPlan Command() =>
        new(_planId, _reorganisationId, _name, _year, _reason, LinkChoices.From(_openLinks, Decision, _recorded), AcceptUnconfirmed: false);
}
