enum QuorumPacksPlaceholder {}
