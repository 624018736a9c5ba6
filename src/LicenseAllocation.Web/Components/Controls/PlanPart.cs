using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Controls;

/// <summary>
/// A part of a plan's page that reads what it shows once per <see cref="PlanContext"/>: the frame hands a new context
/// when the plan is read again (after a change, a publication, a navigation), and only then does the part read again;
/// a re-render of its parent for any other reason costs no query.
/// </summary>
public abstract class PlanPart : ComponentBase
{
    private PlanContext? _loadedFor;
    private object? _loadedKey;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    /// <summary>What else the part's reading depends on (a unit chosen in the address): a change of it reads again too.</summary>
    protected virtual object? LoadKey => null;

    /// <summary>Reads what the part shows for <see cref="Plan"/>.</summary>
    protected abstract Task LoadForPlanAsync();

    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_loadedFor, Plan) && Equals(_loadedKey, LoadKey))
        {
            return;
        }

        (_loadedFor, _loadedKey) = (Plan, LoadKey);
        await LoadForPlanAsync();
    }
}
