using LicenseAllocation.Web.Resources;

namespace LicenseAllocation.Web.Components.Pages.Deployments;

public partial class DeploymentGroupsPage
{
    protected override string Title => Loc[nameof(ConsoleReports.GroupsTitle)];
}
