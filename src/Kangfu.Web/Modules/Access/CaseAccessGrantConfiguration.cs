using Kangfu.Web.Modules.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kangfu.Web.Modules.Access;

internal sealed class CaseAccessGrantConfiguration : IEntityTypeConfiguration<CaseAccessGrant>
{
    public void Configure(EntityTypeBuilder<CaseAccessGrant> b)
    {
        b.ToTable("access_case_grants");
        b.HasKey(g => new { g.DistrictCode, g.Id });
        b.Property(g => g.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(g => g.Reason).HasMaxLength(200);
        b.HasIndex(g => new { g.DistrictCode, g.InstitutionId, g.PersonId });
        b.HasOne<Person>().WithMany().HasForeignKey(g => new { g.DistrictCode, g.PersonId });
    }
}
