enum QuorumDeliveryPlaceholder {}
