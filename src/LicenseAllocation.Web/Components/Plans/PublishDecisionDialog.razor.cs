using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Web.Localization;
using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Plans;

/// <summary>Closes with the <see cref="DecisionPublished"/>; a refusal (the level above not yet published, a missing number) stays in the dialog.</summary>
public partial class PublishDecisionDialog
{
    private string? _body;

    [Inject]
    private DecisionPublication Publication { get; set; } = default!;

    [Parameter, EditorRequired]
    public LevelDecisionView Level { get; set; } = default!;

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

    protected override Task<Outcome<DecisionPublished>> PublishOnAsync(DateOnly? signedOn) =>
        Publication.PublishAsync(Caller, new PublishDecision(PlanId, Level.IssuingUnitId, Number, signedOn, Signer, _body));
}
