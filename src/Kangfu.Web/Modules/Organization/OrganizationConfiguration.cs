using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kangfu.Web.Modules.Organization;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.ToTable("org_areas");
        b.HasKey(a => new { a.DistrictCode, a.Code });
        b.Property(a => a.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(a => a.Code).HasMaxLength(12).IsFixedLength();
        b.Property(a => a.ParentCode).HasMaxLength(12).IsFixedLength();
        b.Property(a => a.Name).HasMaxLength(100);
        b.Property(a => a.SourceVersion).HasMaxLength(20);
        b.Ignore(a => a.ScopePrefix);
        b.HasIndex(a => new { a.DistrictCode, a.ParentCode });
    }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.ToTable("org_institutions");
        b.HasKey(i => new { i.DistrictCode, i.Id });
        b.Property(i => i.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.CreditCode).HasMaxLength(18);
        b.Property(i => i.Address).HasMaxLength(200);
        b.Property(i => i.ContactPhone).HasMaxLength(20);
        b.HasIndex(i => new { i.DistrictCode, i.Name }).IsUnique();
        b.HasMany(i => i.ServiceAreas).WithOne().HasForeignKey(s => new { s.DistrictCode, s.InstitutionId });
    }
}

internal sealed class InstitutionServiceAreaConfiguration : IEntityTypeConfiguration<InstitutionServiceArea>
{
    public void Configure(EntityTypeBuilder<InstitutionServiceArea> b)
    {
        b.ToTable("org_institution_service_areas");
        b.HasKey(s => new { s.DistrictCode, s.InstitutionId, s.AreaCode });
        b.Property(s => s.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(s => s.AreaCode).HasMaxLength(12).IsFixedLength();
    }
}
