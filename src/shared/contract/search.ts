import { channel } from './define'

// Channels of the search feature. (`channel` is imported for the declarations to come.)
void channel

export const searchChannels = {}
