using Hub.Domain.CommunityOffers;
using Hub.Domain.People;
using Hub.Domain.Space;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Infrastructure.Persistence.Configurations;

internal sealed class SpaceMemberConfiguration : IEntityTypeConfiguration<SpaceMember>
{
    public void Configure(EntityTypeBuilder<SpaceMember> builder)
    {
        builder.ToTable("SpaceMembers");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.AddressKey).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(m => m.AddressKey).IsUnique(); // one space per address, also when two first sign-ins race
        // One space shares with a person at most (nulls never clash; SQL Server filters them out by convention).
        builder.HasIndex(m => m.ConnectedPersonId).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.ConnectedPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpaceSignInLinkConfiguration : IEntityTypeConfiguration<SpaceSignInLink>
{
    public void Configure(EntityTypeBuilder<SpaceSignInLink> builder)
    {
        builder.ToTable("SpaceSignInLinks");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.Property(l => l.AddressKey).HasMaxLength(64).IsFixedLength();
        builder.Property(l => l.ClientKey).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.FormToken).IsUnique();
        builder.HasIndex(l => new { l.AddressKey, l.RequestedAt });
        builder.HasIndex(l => new { l.ClientKey, l.RequestedAt });
        builder.Property(l => l.UsedAt).IsConcurrencyToken(); // one link used twice at once: the second save is refused
    }
}

internal sealed class SpaceSessionConfiguration : IEntityTypeConfiguration<SpaceSession>
{
    public void Configure(EntityTypeBuilder<SpaceSession> builder)
    {
        builder.ToTable("SpaceSessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<SpaceMember>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SpaceSignInLink>().WithMany().HasForeignKey(s => s.LinkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.MemberId, s.EndedAt });
    }
}

internal sealed class SpaceGoalConfiguration : IEntityTypeConfiguration<SpaceGoal>
{
    public void Configure(EntityTypeBuilder<SpaceGoal> builder)
    {
        builder.ToTable("SpaceGoals");
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Words).HasMaxLength(SpaceGoal.WordsMaxLength);
        builder.HasOne<SpaceMember>().WithMany().HasForeignKey(g => g.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.MemberId, g.CreatedAt });
    }
}

internal sealed class SpaceGoalRatingConfiguration : IEntityTypeConfiguration<SpaceGoalRating>
{
    public void Configure(EntityTypeBuilder<SpaceGoalRating> builder)
    {
        builder.ToTable("SpaceGoalRatings");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<SpaceGoal>().WithMany().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SpaceMember>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.MemberId, r.At });
        builder.HasIndex(r => r.GoalId);
    }
}

internal sealed class SpaceMoodCheckInConfiguration : IEntityTypeConfiguration<SpaceMoodCheckIn>
{
    public void Configure(EntityTypeBuilder<SpaceMoodCheckIn> builder)
    {
        builder.ToTable("SpaceMoodCheckIns");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Words).HasMaxLength(SpaceMoodCheckIn.WordsMaxLength);
        builder.HasOne<SpaceMember>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.MemberId, m.At });
    }
}

internal sealed class SpaceFollowConfiguration : IEntityTypeConfiguration<SpaceFollow>
{
    public void Configure(EntityTypeBuilder<SpaceFollow> builder)
    {
        builder.ToTable("SpaceFollows");
        builder.HasKey(f => new { f.MemberId, f.GroupId });
        builder.HasOne<SpaceMember>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommunityOffer>().WithMany().HasForeignKey(f => f.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
