<?xml version="1.0"?>
<!-- channel-guest-agent: add the QEMU guest agent channel
       <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
     where libvirt writes channels: after the last disk, controller, lease,
     filesystem, interface, smartcard, serial, parallel, console or channel
     (first in <devices> when there is none of them).  libvirt fills in the
     socket path and adds the virtio-serial controller.
     Parameters: targets, the vl:id of <devices>. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="new">
    <channel type="unix">
      <target type="virtio" name="org.qemu.guest_agent.0"/>
    </channel>
  </xsl:template>

  <xsl:template match="/domain/devices">
    <xsl:variable name="anchor"
                  select="(emulator|disk|controller|lease|filesystem|interface|smartcard|serial|parallel|console|channel)[last()]"/>
    <xsl:variable name="add" select="contains($targets, concat(' ', @vl:id, ' ')) and
                                     not(channel/target[@name = 'org.qemu.guest_agent.0'])"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$add and not($anchor)">
        <xsl:call-template name="new"/>
      </xsl:if>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."/>
        <xsl:if test="$add and $anchor and count(. | $anchor) = 1">
          <xsl:call-template name="new"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
