<?xml version="1.0"?>
<!-- channel-webdav-type (also channel-spicevmc-target): turn the WebDAV
     channel into the spiceport SPICE clients look for:
       <channel type='spiceport'>
         <source channel='org.spice-space.webdav.0'/>
         <target type='virtio' name='org.spice-space.webdav.0'/>
       </channel>
     The target, alias and address stay; the old host-side children
     (source, protocol, log, ...) go.
     Parameters: targets, the vl:id of each <channel> to fix. -->
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

  <xsl:template match="/domain/devices/channel">
    <xsl:choose>
      <xsl:when test="contains($targets, concat(' ', @vl:id, ' ')) and
                      target/@name = 'org.spice-space.webdav.0'">
        <xsl:copy>
          <xsl:apply-templates select="@*"/>
          <xsl:attribute name="type">spiceport</xsl:attribute>
          <xsl:for-each select="node()">
            <xsl:choose>
              <xsl:when test="self::source and not(../source[2])">
                <source>
                  <xsl:apply-templates select="@vl:*"/>
                  <xsl:attribute name="channel">org.spice-space.webdav.0</xsl:attribute>
                </source>
              </xsl:when>
              <xsl:when test="self::target and not(../source)">
                <source channel="org.spice-space.webdav.0"/>
                <xsl:apply-templates select="."/>
              </xsl:when>
              <xsl:when test="self::* and not(self::target or self::alias or self::address)"/>
              <xsl:otherwise>
                <xsl:apply-templates select="."/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
