using Hub.Domain.CommunityOffers;
using Hub.Domain.Volunteering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Infrastructure.Persistence.Configurations;

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> builder)
    {
        builder.ToTable("Volunteers");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.FirstName).HasMaxLength(Volunteer.NameMaxLength * 2);
        builder.Property(v => v.LastName).HasMaxLength(Volunteer.NameMaxLength * 2);
        builder.Property(v => v.Email).HasMaxLength(254);
        builder.Property(v => v.Mobile).HasMaxLength(30);
        builder.Property(v => v.Availability).HasMaxLength(Volunteer.TextMaxLength * 2);
        builder.Property(v => v.AboutMe).HasMaxLength(Volunteer.TextMaxLength * 2);
        builder.Property(v => v.Area).HasMaxLength(CommunityOffer.AreaMaxLength);
        builder.Property(v => v.PauseReason).HasMaxLength(Volunteer.TextMaxLength * 2);
        builder.Property(v => v.Version).IsConcurrencyToken();
        // Status and dates only: no column can hold a certificate or its number (docs/decisions/039).
        builder.ComplexProperty(v => v.Checks);
        builder.Ignore(v => v.DisplayName);
        builder.HasIndex(v => v.FormToken).IsUnique(); // a form sent twice is one registration
        builder.Property(v => v.InvitationHash).HasMaxLength(64);
        builder.HasIndex(v => v.UserId).IsUnique();
        builder.HasIndex(v => v.InvitationHash).IsUnique();
        builder.HasIndex(v => v.InvitationId).IsUnique(); // the outbox mints the invitation its email names (docs/decisions/042)
        builder.HasIndex(v => new { v.Status, v.RegisteredAt });
    }
}

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.ToTable("SupportRequests");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.FirstName).HasMaxLength(SupportRequest.FirstNameMaxLength * 2);
        builder.Property(r => r.WhatToTry).HasMaxLength(SupportRequest.TextMaxLength * 2);
        builder.Property(r => r.WhenSuits).HasMaxLength(SupportRequest.TextMaxLength * 2);
        builder.Property(r => r.ContactKey).HasMaxLength(Hub.Domain.People.ContactKey.Length);
        builder.ComplexProperty(r => r.Contact, c =>
        {
            c.Property(x => x.Email).HasMaxLength(254);
            c.Property(x => x.Mobile).HasMaxLength(30);
        });
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.CurrentMatch);
        builder.HasIndex(r => r.FormToken).IsUnique(); // a form sent twice is one request
        builder.HasIndex(r => new { r.Status, r.AskedAt }); // the coordinator's queue, oldest first
        builder.HasIndex(r => r.ContactKey); // the person's own space finds their requests
        builder.HasOne<CommunityOffer>().WithMany().HasForeignKey(r => r.OfferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Matches).WithOne().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Matches).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Outings).WithOne().HasForeignKey(o => o.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Outings).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SupportMatchConfiguration : IEntityTypeConfiguration<SupportMatch>
{
    public void Configure(EntityTypeBuilder<SupportMatch> builder)
    {
        builder.ToTable("SupportMatches");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<Volunteer>().WithMany().HasForeignKey(m => m.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.VolunteerId, m.EndedAt }); // a volunteer's matches in force
        // One match in force per request, whatever two coordinators do at once: a filtered unique index in HubDbContext.
    }
}

internal sealed class OutingConfiguration : IEntityTypeConfiguration<Outing>
{
    public void Configure(EntityTypeBuilder<Outing> builder)
    {
        builder.ToTable("Outings");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Note).HasMaxLength(Outing.NoteMaxLength * 2);
        builder.Property(o => o.PersonWords).HasMaxLength(Outing.WordsMaxLength * 2);
        builder.Property(o => o.PersonSaidAt).IsConcurrencyToken(); // one say per outing, whether from the space or an old emailed link, also when both come at once
        builder.HasOne<SupportMatch>().WithMany().HasForeignKey(o => o.MatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.VolunteerId, o.On });
        builder.HasIndex(o => o.On); // figures for a period
    }
}

internal sealed class SafeguardingConcernConfiguration : IEntityTypeConfiguration<SafeguardingConcern>
{
    public void Configure(EntityTypeBuilder<SafeguardingConcern> builder)
    {
        builder.ToTable("SafeguardingConcerns");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.WhatHappened).HasMaxLength(SafeguardingConcern.WordsMaxLength * 2);
        builder.Property(c => c.WhatWasDone).HasMaxLength(SafeguardingConcern.WordsMaxLength * 2);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        builder.HasIndex(c => c.FormToken).IsUnique();
        builder.HasIndex(c => new { c.ActedOnAt, c.RaisedAt });
        builder.HasOne<Volunteer>().WithMany().HasForeignKey(c => c.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportRequest>().WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutingFeedbackLinkConfiguration : IEntityTypeConfiguration<OutingFeedbackLink>
{
    public void Configure(EntityTypeBuilder<OutingFeedbackLink> builder)
    {
        builder.ToTable("OutingFeedbackLinks");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasOne<Outing>().WithMany().HasForeignKey(l => l.OutingId).OnDelete(DeleteBehavior.Cascade);
    }
}
