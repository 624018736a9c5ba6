using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Plans;

/// <summary>The warning "11/12 huyện chưa phân bổ chi tiết; còn 3.960 bản quyền chưa giao xuống" and the units concerned.</summary>
public sealed partial class OpenBelowNotice
{
    // A national plan may have hundreds of open districts; the first few say enough in a dialog.
    private const int Shown = 5;

    [Inject]
    private IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public AllocationProgress Progress { get; set; } = AllocationProgress.Empty;

    private string Summary => Progress.Districts > 0
        ? Loc[nameof(Resources.Plans.OpenBelowWithDistricts), Progress.DistrictsOpen, Progress.Districts, Ui.N(Progress.NotHandedOn)]
        : Loc[nameof(Resources.Plans.OpenBelow), Ui.N(Progress.NotHandedOn)];
}
