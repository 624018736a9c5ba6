using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Reorganisations;

public partial class UnconfirmedLinkChoices
{
    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<UnconfirmedLink> Links { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyDictionary<(int OldUnitId, int NewUnitId), LinkDecision> Decisions { get; set; } = default!;

    [Parameter]
    public EventCallback<(UnconfirmedLink Link, LinkDecision Decision)> OnDecided { get; set; }

    /// <summary>Confirms every link still open, one after the other.</summary>
    [Parameter]
    public EventCallback OnConfirmAll { get; set; }

    [Parameter]
    public bool Disabled { get; set; }

    private int OpenCount => Links.Count(l => Of(l) == LinkDecision.Open);

    private LinkDecision Of(UnconfirmedLink link) => Decisions.GetValueOrDefault((link.OldUnitId, link.NewUnitId), LinkDecision.Open);

    private bool Is(UnconfirmedLink link, LinkDecision decision) => Of(link) == decision;

    private string DecisionText(UnconfirmedLink link) => Of(link) switch
    {
        LinkDecision.Confirm => Loc[nameof(ReorganisationTexts.Confirm)],
        LinkDecision.NoSuccessor => Loc[nameof(ReorganisationTexts.NoSuccessor)],
        _ => Loc[nameof(ReorganisationTexts.Open)],
    };

    private Task ConfirmAllAsync() => OnConfirmAll.InvokeAsync();
}
