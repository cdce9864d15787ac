using Hub.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.PreferredName).HasMaxLength(200);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.Property(p => p.PhoneKey).HasMaxLength(20);
        builder.Property(p => p.EmailKey).HasMaxLength(254);
        builder.Property(p => p.NameKey).HasMaxLength(200);
        builder.Property(p => p.Neighbourhood).HasMaxLength(200);
        builder.Property(p => p.RestrictionReason).HasMaxLength(1000);
        builder.Property(p => p.Preferences).HasJsonConversion().HasMaxLength(1000);
        builder.ComplexProperty(p => p.Contact, c =>
        {
            c.Property(x => x.Phone).HasMaxLength(30);
            c.Property(x => x.Email).HasMaxLength(254);
        });
        builder.ComplexProperty(p => p.Communication, c =>
        {
            c.Property(x => x.PreferredLanguage).HasMaxLength(200);
            c.Property(x => x.AccessNeeds).HasMaxLength(4000);
        });
        builder.ComplexProperty(p => p.Equality, c =>
        {
            c.Property(x => x.EthnicCategory).HasMaxLength(20);
            c.Property(x => x.Gender).HasMaxLength(20);
            c.Property(x => x.SexualOrientation).HasMaxLength(20);
            c.Property(x => x.Disability).HasMaxLength(20);
        });

        // Finding returning people looks these up on every submitted referral.
        builder.HasIndex(p => p.PhoneKey);
        builder.HasIndex(p => p.EmailKey);
        builder.HasIndex(p => new { p.DateOfBirth, p.NameKey });
    }
}
