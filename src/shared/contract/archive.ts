import { channel } from './define'

// Channels of the archive feature. (`channel` is imported for the declarations to come.)
void channel

export const archiveChannels = {}
