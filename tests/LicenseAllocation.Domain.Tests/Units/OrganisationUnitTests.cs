using LicenseAllocation.Domain.Units;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Units;

public sealed class OrganisationUnitTests
{
    [Fact]
    public void A_commune_cannot_be_placed_under_a_provincial_agency()
    {
        var province = OrganisationUnit.CreateRoot("Tỉnh Đồng Tháp", "87");
        var agency = OrganisationUnit.CreateChild(province, "Sở Y tế", UnitKind.ProvincialAgency, null, 15);

        Should.Throw<InvalidOperationException>(() => OrganisationUnit.CreateChild(agency, "Xã Mỹ Tân", UnitKind.CommuneCommittee, "29884", 1));
    }

    [Fact]
    public void Communes_may_stand_directly_under_the_province_as_they_do_since_July_2025()
    {
        var province = OrganisationUnit.CreateRoot("Tỉnh Đồng Tháp", "82", validFrom: new DateOnly(2025, 7, 1));

        var commune = OrganisationUnit.CreateChild(province, "Xã Mỹ Quí", UnitKind.CommuneCommittee, "30055", 1);

        commune.Kind.ShouldBe(UnitKind.CommuneCommittee);
        commune.ValidFrom.ShouldBe(new DateOnly(2025, 7, 1));
    }

    [Fact]
    public void An_empty_name_is_refused()
    {
        Should.Throw<ArgumentException>(() => OrganisationUnit.CreateRoot("   ", null));
    }
}
