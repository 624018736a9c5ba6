using LicenseAllocation.Web.Resources;

namespace LicenseAllocation.Web.Components.Pages.Deployments;

public partial class DeploymentImportPage
{
    protected override string Title => Loc[nameof(ConsoleReports.ImportTitle)];
}
