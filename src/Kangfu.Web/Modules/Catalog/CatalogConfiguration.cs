using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kangfu.Web.Modules.Catalog;

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> b)
    {
        b.ToTable("catalog_service_items");
        b.HasKey(i => new { i.DistrictCode, i.Id });
        b.Property(i => i.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(i => i.Code).HasMaxLength(20);
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.FormLabel).HasMaxLength(60);
        b.Property(i => i.SubPopulation).HasMaxLength(40);
        b.Property(i => i.SubsidyAmount).HasPrecision(12, 2);
        b.Property(i => i.YearlyCap).HasPrecision(12, 2);
        b.Property(i => i.Notes).HasMaxLength(500);
        b.HasIndex(i => new { i.DistrictCode, i.CatalogYear, i.Code }).IsUnique();
    }
}

internal sealed class DeviceProductConfiguration : IEntityTypeConfiguration<DeviceProduct>
{
    public void Configure(EntityTypeBuilder<DeviceProduct> b)
    {
        b.ToTable("catalog_device_products");
        b.HasKey(p => new { p.DistrictCode, p.Code });
        b.Property(p => p.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(p => p.Code).HasMaxLength(20);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.ClassName).HasMaxLength(100);
        b.Property(p => p.SubClassName).HasMaxLength(100);
        b.Property(p => p.DivisionName).HasMaxLength(100);
        b.Property(p => p.FunctionTags).HasMaxLength(60);
        b.Property(p => p.SourceVersion).HasMaxLength(20);
    }
}
