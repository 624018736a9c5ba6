using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Plans;

/// <summary>Closes with the <see cref="DecisionPublished"/>; a refusal (the level above not yet published, a missing number) stays in the dialog.</summary>
public partial class PublishDecisionDialog
{
    private readonly ServiceCall _publish = new();
    private string? _number;
    private string? _date;
    private string? _signer;
    private string? _body;
    private string? _invalidDay;

    [Inject]
    private DecisionPublication Publication { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public LevelDecisionView Level { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    private string? Refusal => _invalidDay ?? _publish.Refusal;

    /// <summary>"3/12 đơn vị trực thuộc chưa giao hết …" and "Còn 120 bản quyền ở cấp này chưa giao xuống.", each only when it is so.</summary>
    private string? OpenWarning
    {
        get
        {
            var parts = new List<string>(2);
            if (Level.OpenBelow > 0)
            {
                parts.Add(Loc[nameof(Resources.Plans.DecisionOpenBelow), Level.OpenBelow, Level.CoveredUnits]);
            }

            if (Level.Remaining > 0)
            {
                parts.Add(Loc[nameof(Resources.Plans.DecisionNotHandedOnWarning), Ui.N(Level.Remaining)]);
            }

            return parts.Count == 0 ? null : string.Join(' ', parts);
        }
    }

    protected override void OnInitialized() => _body = Level.IssuingBody;

    private void Cancel() => Dialog.Cancel();

    private async Task PublishAsync()
    {
        if (!DayText.TryParse(_date, out var date))
        {
            _invalidDay = Text[nameof(Common.InvalidDay)];
            return;
        }

        _invalidDay = null;
        var (published, decision) = await _publish.RunAsync(() =>
            Publication.PublishAsync(Caller, new PublishDecision(PlanId, Level.IssuingUnitId, _number, date, _signer, _body)));
        if (published)
        {
            Dialog.Close(DialogResult.Ok(decision));
        }
    }
}
