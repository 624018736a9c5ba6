using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Needs;

public partial class SplitProposalPanel
{
    private readonly ServiceCall _call = new();
    private SplitBasis _basis = SplitBasis.Shortfall;
    private string? _amount;
    private string? _reason;
    private string? _problem;
    private bool _applying;
    private SplitProposalState? _state;
    private Dictionary<int, string> _refusals = [];

    [Inject]
    private SplitService Splits { get; set; } = default!;

    [Inject]
    private QuantityBatchService Batches { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Needs> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public int UnitId { get; set; }

    /// <summary>The caller may change the children's quantities and the plan takes changes.</summary>
    [Parameter]
    public bool CanApply { get; set; }

    /// <summary>Raised with how many units changed once the split is applied.</summary>
    [Parameter]
    public EventCallback<int> OnApplied { get; set; }

    /// <summary>A unit with no active unit below it has nothing to split: the panel is left out.</summary>
    private bool _nothingToSplit;

    protected override async Task OnInitializedAsync()
    {
        await SuggestAsync();
        if (_state is null || _state.Proposal.Items.Count == 0)
        {
            (_nothingToSplit, _state) = (true, null);
            _call.Clear();
        }
    }

    private Task BasisChangedAsync(SplitBasis basis)
    {
        _basis = basis;
        return SuggestAsync();
    }

    private async Task SuggestAsync()
    {
        int? amount = null;
        if (!string.IsNullOrWhiteSpace(_amount))
        {
            if (!int.TryParse(_amount.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var typed))
            {
                _problem = Ui.Refusal(Domain.Allocations.AllocationError.InvalidSplit(0));
                return;
            }

            amount = typed;
        }

        _problem = null;
        _refusals = [];
        var (succeeded, proposal) = await _call.RunAsync(() => Splits.SuggestAsync(Caller, PlanId, UnitId, amount, _basis));
        _state = succeeded ? new SplitProposalState(proposal!) : null;
    }

    private async Task ApplyAsync()
    {
        if (_state?.ToBatch(_reason) is not { } batch)
        {
            _problem = Loc[nameof(Resources.Needs.SplitNotANumber)];
            return;
        }

        _applying = true;
        try
        {
            var result = await Batches.ApplyAsync(Caller, batch, CancellationToken.None);
            _refusals = result.Refused.ToDictionary(r => r.UnitId, r => Ui.Refusal(r.Error));
            if (!result.Applied)
            {
                _problem = result.Error is { } whole ? Ui.Refusal(whole) : Loc[nameof(Resources.Needs.SplitRefused), Ui.N(result.Refused.Count)];
                return;
            }

            _problem = null;
            _reason = null;
            await OnApplied.InvokeAsync(result.Changed.Count);
            await SuggestAsync();
        }
        finally
        {
            _applying = false;
        }
    }
}
